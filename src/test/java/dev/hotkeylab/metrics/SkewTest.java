package dev.hotkeylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Skew: max/mean and idle partitions from records per partition")
class SkewTest {

    @Test
    void allOnOnePartitionIsMaxOverMeanP() {
        Skew s = Skew.of(new long[] {0, 0, 1000});
        assertThat(s.maxOverMean()).isCloseTo(3.0, within(1e-12));
        assertThat(s.idlePartitions()).containsExactly(0, 1);
        assertThat(s.coefficientOfVariation()).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void evenSpreadIsOne() {
        Skew s = Skew.of(new long[] {333, 333, 334});
        assertThat(s.maxOverMean()).isCloseTo(1.002, within(1e-12));
        assertThat(s.idlePartitions()).isEmpty();
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> Skew.of(new long[] {1, -1})).hasMessage("count for partition 1 must be >= 0 but got -1");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("fractional loads give the same figures as counts; all zero is max/mean 0")
    void fractionalLoadsAndZero() {
        Skew counts = Skew.of(new long[] {200, 300, 500});
        Skew loads = Skew.of(new double[] {200.0, 300.0, 500.0});
        assertThat(loads).isEqualTo(counts);
        assertThat(loads.hottest()).isEqualTo(2);
        assertThat(loads.total()).isEqualTo(1000.0);
        Skew zero = Skew.of(new double[] {0, 0});
        assertThat(zero.maxOverMean()).isZero();
        assertThat(zero.idlePartitions()).containsExactly(0, 1);
        assertThatThrownBy(() -> Skew.of(new double[0])).hasMessage("partitions must be >= 1 but got 0 counts");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("uneven: an idle partition, or max/mean above 1.2; exactly 1.2 is even")
    void oneUnevenThreshold() {
        assertThat(Skew.UNEVEN_MAX_OVER_MEAN).isEqualTo(1.2);
        assertThat(Skew.of(new long[] {300, 300, 400}).uneven()).as("max/mean 1.2").isFalse();
        assertThat(Skew.of(new long[] {290, 300, 410}).uneven()).as("max/mean 1.23").isTrue();
        assertThat(Skew.of(new long[] {500, 500, 0}).uneven()).as("an idle partition").isTrue();
    }
}
