package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hotkeylab.broker.EmbeddedKafka;
import dev.hotkeylab.broker.ExternalKafka;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An external cluster lost in each phase of a run: a second embedded cluster, used through its bootstrap address like
 * any external one, is closed by the test when the runner enters the phase. The run must end with one line naming the
 * cluster within 30 s of the loss, well inside its 120 s --timeout. The time from loss to error is reported.
 */
@Tag(KafkaTest.TAG)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("Losing an external cluster in each phase of a run: one line naming the cluster within 30 s")
class ClusterLossTest {

    @ParameterizedTest(name = "cluster lost while {0}")
    @EnumSource(RunPhase.class)
    void lostClusterIsABoundedOneLineError(RunPhase phase, TestReporter reporter) {
        EmbeddedKafka external = EmbeddedKafka.start(1);
        String bootstrap = external.bootstrapServers();
        AtomicLong lossStarted = new AtomicLong();
        AtomicLong lossDone = new AtomicLong();
        ExperimentListener killer = new ExperimentListener() {
            @Override
            public void phase(ExperimentConfig config, RunPhase entered) {
                if (entered == phase) {
                    lossStarted.set(System.nanoTime());
                    external.close();
                    lossDone.set(System.nanoTime());
                }
            }
        };
        // 600 requests at 50 ms on 3 consumers take 10 s: the consumers are still working when the cluster goes.
        ExperimentConfig config = ExperimentConfig.builder().strategy(Strategy.PARTITION_AWARE_SALT).partitions(3)
                .consumers(3).messages(600).serviceTimeMillis(50).timeout(Duration.ofSeconds(120)).build();
        try (ExternalKafka backend = ExternalKafka.connect(bootstrap)) {
            Throwable thrown = catchThrowable(() -> new ExperimentRunner(backend).run(config, killer));
            long errorAt = System.nanoTime();

            assertThat(lossStarted.get()).as("the cluster was closed in phase " + phase).isNotZero();
            assertThat(thrown).isInstanceOf(ExperimentException.class);
            assertThat(thrown.getMessage()).contains(bootstrap).doesNotContain("\n");
            double fromLoss = (errorAt - lossDone.get()) / 1e9;
            double closing = (lossDone.get() - lossStarted.get()) / 1e9;
            reporter.publishEntry("loss-to-error " + phase, String.format(Locale.ROOT,
                    "%.1f s after the cluster was down (closing it took %.1f s): %s", fromLoss, closing,
                    thrown.getMessage()));
            assertThat(fromLoss).as("seconds from the loss to the error").isLessThan(30);
        } finally {
            external.close();
        }
    }
}
