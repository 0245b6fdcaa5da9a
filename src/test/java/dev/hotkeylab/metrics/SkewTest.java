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
}
