package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.keys.Strategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scaling benchmark config: validated, N x requests per partition, FIXED_KEY always the baseline")
class ScalingConfigTest {

    private static ScalingConfig config(List<Integer> ns, int perPartition, double serviceTime, List<Strategy> salted) {
        return new ScalingConfig(ns, perPartition, serviceTime, salted, ExperimentConfig.DEFAULT_KEY, 42, 100, true);
    }

    @Test
    @DisplayName("a run with N partitions gets N consumers and N x the requests per partition")
    void runForN() {
        ExperimentConfig c = ScalingConfig.defaults().experiment(6, Strategy.PARTITION_AWARE_SALT);
        assertThat(c.partitions()).isEqualTo(6);
        assertThat(c.consumers()).isEqualTo(6);
        assertThat(c.messages()).isEqualTo(3600);
        assertThat(c.saltBuckets()).isEqualTo(6);
        assertThat(c.serviceTimeMillis()).isEqualTo(5.0);
        // One consumer may do all of it: 3600 x 5 ms = 18 s ideal; the timeout allows 3x, at least 120 s.
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config(List.of(10), 10_000, 5, List.of(Strategy.ENTITY_SALT)).experiment(10, Strategy.FIXED_KEY)
                .timeout()).isEqualTo(Duration.ofSeconds(1500));
    }

    @Test
    @DisplayName("FIXED_KEY among the salted strategies and repeated N are dropped, order kept")
    void normalizes() {
        ScalingConfig c = config(List.of(3, 1, 3), 10, 5,
                List.of(Strategy.FIXED_KEY, Strategy.RANDOM_SALT, Strategy.RANDOM_SALT));
        assertThat(c.ns()).containsExactly(3, 1);
        assertThat(c.salted()).containsExactly(Strategy.RANDOM_SALT);
    }

    @Test
    @DisplayName("bad values fail with one line naming the value and what is allowed")
    void badValues() {
        List<Strategy> salted = List.of(Strategy.PARTITION_AWARE_SALT);
        assertThatThrownBy(() -> config(List.of(1, 0), 10, 5, salted)).hasMessage("n must be in [1, 64] but got 0");
        assertThatThrownBy(() -> config(List.of(65), 10, 5, salted)).hasMessage("n must be in [1, 64] but got 65");
        assertThatThrownBy(() -> config(List.of(), 10, 5, salted))
                .hasMessage("n must list at least one consumer count, e.g. 1,2,3,6");
        assertThatThrownBy(() -> config(List.of(3), 0, 5, salted))
                .hasMessage("messages per partition must be in [1, 1000000] but got 0");
        assertThatThrownBy(() -> config(List.of(3), 10, -1, salted))
                .hasMessage("service time must be in [0, 10000] ms but got -1.0");
        assertThatThrownBy(() -> config(List.of(3), 10, 5, List.of(Strategy.FIXED_KEY)))
                .hasMessage("strategies must name at least one salted strategy (PARTITION_AWARE_SALT, ENTITY_SALT, "
                        + "RANDOM_SALT) to compare with FIXED_KEY");
        assertThatThrownBy(() -> new ScalingConfig(List.of(3), 10, 5, salted, "", 42, 100, true))
                .hasMessage("key must be a non-blank string but got \"\"");
    }
}
