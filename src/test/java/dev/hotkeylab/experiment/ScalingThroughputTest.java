package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.findings.WallClock;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The robust part of "salting triples the throughput", asserted: with 3 consumers on 3 partitions and 5 ms per
 * request, PARTITION_AWARE_SALT drains at least twice as fast as FIXED_KEY, both measured in one benchmark on one
 * backend. The exact ratio (about 3 on an idle machine) depends on the machine's load, so it belongs to
 * {@code ./hotkey-lab bench} and the report, not to a test. The stated margin: the linear limit is 3x, the assertion
 * asks for 2x, a third less, for a machine shared with other work. Tagged {@value WallClock#TAG}: it runs by default and
 * {@code -DexcludedGroups=wallclock} leaves it out.
 */
@KafkaTest
@Tag(WallClock.TAG)
@DisplayName("Throughput: 3 consumers on 3 partitions, 5 ms per request")
class ScalingThroughputTest {

    @Test
    @DisplayName("PARTITION_AWARE_SALT drains at least 2x faster than FIXED_KEY")
    void saltedDrainsAtLeastTwiceAsFast(KafkaBackend kafka, TestReporter reporter) {
        ScalingConfig config = new ScalingConfig(List.of(3), 300, 5, List.of(Strategy.PARTITION_AWARE_SALT),
                ExperimentConfig.DEFAULT_KEY, 42, 100, true);

        ScalingResult bench = new ScalingBench(kafka).run(config, "test", ScalingBench.Listener.NONE);

        ScalingPoint fixed = bench.point(3, "FIXED_KEY").orElseThrow();
        ScalingPoint salted = bench.point(3, "PARTITION_AWARE_SALT").orElseThrow();
        Figures.of(reporter).point(fixed).point(salted).put("speedUp", Figures.fmt(salted.speedupVsFixed()))
                .put("neededSpeedUp", "2.00 (linear limit 3, margin 1/3 for a shared machine)");
        assertThat(fixed.messages()).isEqualTo(salted.messages()).isEqualTo(900);
        assertThat(fixed.activeConsumers()).isEqualTo(1);
        assertThat(salted.activeConsumers()).isEqualTo(3);
        assertThat(salted.perPartition()).containsExactly(300L, 300L, 300L);
        assertThat(fixed.drainMillis())
                .as("FIXED_KEY drain %d ms vs PARTITION_AWARE_SALT %d ms", fixed.drainMillis(), salted.drainMillis())
                .isGreaterThanOrEqualTo(2 * salted.drainMillis());
        assertThat(salted.speedupVsFixed()).isCloseTo(salted.throughputPerSecond() / fixed.throughputPerSecond(),
                within(1e-9));
        assertThat(bench.warmupMillis()).isPositive();
    }
}
