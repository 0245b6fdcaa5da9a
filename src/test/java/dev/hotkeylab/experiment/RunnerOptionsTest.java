package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The runner's options are immutable and name a bad value; the user draw is the stream the results were measured with. */
@DisplayName("RunnerOptions and UserDraw (no broker)")
class RunnerOptionsTest {

    @Test
    void withMethodsReturnCopiesAndLeaveTheOriginal() {
        RunnerOptions defaults = RunnerOptions.defaults();
        RunnerOptions share = defaults.withGroupType(GroupType.SHARE).withKeepTopics(true).withMaxPollRecords(7);
        assertThat(defaults.groupType()).isEqualTo(GroupType.CLASSIC);
        assertThat(defaults.keepTopics()).isFalse();
        assertThat(defaults.commits()).isEqualTo(CommitPolicy.SMALL_BATCHES);
        assertThat(defaults.commits().maxPollRecords()).isEqualTo(RunnerOptions.DEFAULT_MAX_POLL_RECORDS);
        assertThat(share.groupType()).isEqualTo(GroupType.SHARE);
        assertThat(share.keepTopics()).isTrue();
        assertThat(share.commits()).isEqualTo(new CommitPolicy(7, 1, 0, true));
    }

    @Test
    void aRunnerIsNotChangedByItsWithMethods() {
        ExperimentRunner runner = new ExperimentRunner(null);
        ExperimentRunner share = runner.with(o -> o.withGroupType(GroupType.SHARE).withCrash(new ConsumerCrash(0, 5)));
        assertThat(runner.options().groupType()).isEqualTo(GroupType.CLASSIC);
        assertThat(runner.options().crash()).isNull();
        assertThat(share.options().groupType()).isEqualTo(GroupType.SHARE);
        assertThat(share.options().crash()).isEqualTo(new ConsumerCrash(0, 5));
    }

    @Test
    void badValuesAreNamed() {
        RunnerOptions o = RunnerOptions.defaults();
        assertThatThrownBy(() -> o.withMaxPollRecords(0)).hasMessage("max.poll.records must be >= 1 but got 0");
        assertThatThrownBy(() -> o.withAdminTimeout(Duration.ofMillis(50)))
                .hasMessage("admin timeout must be >= 100 ms but got PT0.05S");
        assertThatThrownBy(() -> o.withShareDeliveryCountLimit(11))
                .hasMessage("share delivery count limit must be in [2, 10] but got 11");
        assertThatThrownBy(() -> o.withGroupType(null)).hasMessageStartingWith("group type must be one of ");
        assertThatThrownBy(() -> o.withAdaptive(null)).hasMessage("adaptive partitioner config must not be null");
    }

    @Test
    void usersAreTheSeedsOwnStreamAsBefore() {
        // The draw every producer now shares is the runner's former inline one: results measured before stay valid.
        Random former = new Random(42L * 31 + 17);
        UserDraw draw = UserDraw.seeded(42, 100);
        IntStream.range(0, 1_000).forEach(i -> assertThat(draw.next()).isEqualTo("user-" + former.nextInt(100)));
        assertThatThrownBy(() -> UserDraw.seeded(42, 0)).hasMessage("users must be >= 1 but got 0");
    }
}
