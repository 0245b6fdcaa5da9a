package dev.hotkeylab.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Every strategy declares what it is: kind, colour, what-if model, description, keys")
class StrategyDeclarationTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    @DisplayName("each constant has everything the report, charts, claims, what-if and dashboard read")
    void everyConstantHasEverything(Strategy strategy) {
        assertThat(strategy.kind()).isNotNull();
        assertThat(strategy.loadModel()).isNotNull();
        assertThat(strategy.colour()).matches("#[0-9A-F]{6}");
        assertThat(strategy.description()).isNotBlank();
        assertThat(strategy.create(StrategyContext.of(3, 42)).keyFor("C", "user-1", 0)).startsWith("C");
        assertThat(strategy.describe()).containsOnlyKeys("name", "description", "kind", "colour")
                .containsEntry("name", strategy.name()).containsEntry("colour", strategy.colour());
        // A partitioner strategy brings its partitioner; the others leave placement to the key.
        assertThat(strategy.keyDecidesPartition()).isEqualTo(strategy.kind() != StrategyKind.PARTITIONER);
        assertThat(strategy.producerOverrides().containsKey(ProducerConfig.PARTITIONER_CLASS_CONFIG))
                .isEqualTo(strategy.kind() == StrategyKind.PARTITIONER);
    }

    @Test
    @DisplayName("no two strategies share a colour (ADAPTIVE used to get ENTITY_SALT's blue)")
    void coloursAreDistinct() {
        List<String> colours = Strategies.all().stream().map(StrategyType::colour).toList();
        assertThat(colours).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("exactly one baseline; bench compares every salted key, the exact ones first")
    void kindsDriveTheLists() {
        assertThat(Arrays.stream(Strategy.values()).filter(s -> s.kind() == StrategyKind.BASELINE))
                .containsExactly(Strategy.FIXED_KEY);
        assertThat(Strategy.benchDefault()).containsExactly(Strategy.PARTITION_AWARE_SALT, Strategy.ENTITY_SALT,
                Strategy.RANDOM_SALT);
        assertThat(Strategy.ADAPTIVE.kind()).isEqualTo(StrategyKind.PARTITIONER);
        assertThat(StrategyKind.PARTITIONER.spreadsHotKey()).isTrue();
        assertThat(StrategyKind.BASELINE.spreadsHotKey()).isFalse();
    }

    @Test
    @DisplayName("the registry finds the enum's constants and a strategy registered from the test sources")
    void registryFindsEveryStrategy() {
        assertThat(Strategies.all()).startsWith(Strategy.values());
        assertThat(Strategies.find("ENTITY_SALT")).contains(Strategy.ENTITY_SALT);
        assertThat(Strategies.find(TestOnlySalt.NAME)).get().isInstanceOf(TestOnlySalt.class);
        assertThat(Strategies.find("NO_SUCH_STRATEGY")).isEmpty();
        assertThat(Strategies.ofKind(StrategyKind.SALTED_KEY)).extracting(StrategyType::name)
                .containsExactly("RANDOM_SALT", "PARTITION_AWARE_SALT", "ENTITY_SALT", TestOnlySalt.NAME);
    }
}
