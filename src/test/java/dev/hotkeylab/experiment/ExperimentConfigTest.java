package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.keys.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Experiment settings: defaults, builder and bad values")
class ExperimentConfigTest {

    @Test
    void defaultsAreTheSeeds() {
        ExperimentConfig c = ExperimentConfig.builder().build();
        assertThat(c.key()).isEqualTo("SUPER_STAR_CONCERT_2026");
        assertThat(c.partitions()).isEqualTo(3);
        assertThat(c.messages()).isEqualTo(1000);
        assertThat(c.consumers()).isEqualTo(3);
        assertThat(c.saltBuckets()).isEqualTo(3);
    }

    @Test
    void saltBucketsFollowPartitionsUnlessSet() {
        assertThat(ExperimentConfig.builder().partitions(12).build().saltBuckets()).isEqualTo(12);
        assertThat(ExperimentConfig.builder().partitions(12).saltBuckets(3).build().saltBuckets()).isEqualTo(3);
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> ExperimentConfig.builder().partitions(0).build())
                .hasMessage("partitions must be in [1, 9999] but got 0");
        assertThatThrownBy(() -> ExperimentConfig.builder().messages(-5).build())
                .hasMessage("messages must be in [1, 100000000] but got -5");
        assertThatThrownBy(() -> ExperimentConfig.builder().consumers(0).build())
                .hasMessage("consumers must be in [1, 256] but got 0");
        assertThatThrownBy(() -> ExperimentConfig.builder().key("").build())
                .hasMessage("key must be a non-blank string but got \"\"");
        assertThatThrownBy(() -> ExperimentConfig.builder().serviceTimeMillis(-1).build())
                .hasMessage("service time must be in [0, 10000] ms but got -1.0");
        assertThatThrownBy(() -> ExperimentConfig.builder().timeout(Duration.ZERO).build())
                .hasMessage("timeout must be > 0 but got PT0S");
    }

    @Test
    void withStrategyKeepsTheRest() {
        ExperimentConfig c = ExperimentConfig.builder().partitions(6).seed(9).build();
        ExperimentConfig d = c.withStrategy(Strategy.RANDOM_SALT);
        assertThat(d.strategy()).isEqualTo(Strategy.RANDOM_SALT);
        assertThat(d).usingRecursiveComparison().ignoringFields("strategy").isEqualTo(c);
    }
}
