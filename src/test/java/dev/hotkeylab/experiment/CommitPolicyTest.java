package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Commit policy: small batches or throughput, by name or by service time")
class CommitPolicyTest {

    @Test
    void autoIsThroughputOnlyAtServiceTimeZero() {
        assertThat(CommitPolicy.parse("auto", 0)).isEqualTo(CommitPolicy.THROUGHPUT);
        assertThat(CommitPolicy.parse("auto", 0.5)).isEqualTo(CommitPolicy.SMALL_BATCHES);
        assertThat(CommitPolicy.parse("Small-Batches", 0)).isEqualTo(CommitPolicy.SMALL_BATCHES);
        assertThat(CommitPolicy.parse("throughput", 5)).isEqualTo(CommitPolicy.THROUGHPUT);
        assertThatThrownBy(() -> CommitPolicy.parse("fast", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commits must be one of auto, small-batches, throughput but got 'fast'");
    }

    @Test
    void dueByRecordsOrByTime() {
        CommitPolicy t = CommitPolicy.THROUGHPUT;
        assertThat(t.due(9_999, TimeUnit.MILLISECONDS.toNanos(199))).isFalse();
        assertThat(t.due(10_000, 0)).isTrue();
        assertThat(t.due(1, TimeUnit.MILLISECONDS.toNanos(200))).isTrue();
        assertThat(CommitPolicy.SMALL_BATCHES.due(1, 0)).isTrue(); // after every batch
        assertThat(CommitPolicy.SMALL_BATCHES.describe())
                .isEqualTo("small batches (max.poll.records 50, commitSync after every batch)");
        assertThat(t.describe())
                .isEqualTo("throughput (max.poll.records 500, commitAsync every 10000 records or 200 ms)");
        assertThatThrownBy(() -> new CommitPolicy(0, 1, 0, true)).hasMessageContaining("max.poll.records");
    }
}
