package dev.hotkeylab.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.keys.adaptive.AdaptiveHeaderInterceptor;
import dev.hotkeylab.keys.adaptive.AdaptivePartitioner;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Strategy.ADAPTIVE: the original key, placed by the adaptive partitioner")
class AdaptiveStrategyTest {

    @Test
    @DisplayName("keeps the concert id as the key")
    void keepsTheKey() {
        KeyStrategy keys = Strategy.ADAPTIVE.create(StrategyContext.of(3, 42));
        assertThat(IntStream.range(0, 100).mapToObj(i -> keys.keyFor("SUPER_STAR_CONCERT_2026", "user-" + i, i)))
                .containsOnly("SUPER_STAR_CONCERT_2026");
        assertThat(Strategy.parse("adaptive")).isEqualTo(Strategy.ADAPTIVE);
    }

    @Test
    @DisplayName("asks the producer for the partitioner and the header interceptor; no other strategy asks for anything")
    void producerOverrides() {
        assertThat(Strategy.ADAPTIVE.producerOverrides())
                .containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, AdaptivePartitioner.class.getName())
                .containsEntry(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, AdaptiveHeaderInterceptor.class.getName())
                .hasSize(2);
        assertThat(Strategy.ADAPTIVE.keyDecidesPartition()).isFalse();
        assertThat(Arrays.stream(Strategy.values()).filter(s -> s != Strategy.ADAPTIVE))
                .allSatisfy(s -> {
                    assertThat(s.producerOverrides()).isEmpty();
                    assertThat(s.keyDecidesPartition()).isTrue();
                });
    }

    @Test
    @DisplayName("producerConfig: ADAPTIVE adds the partitioner, appends its interceptor and its settings; others keep the base")
    void producerConfig() {
        Map<String, Object> base = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, "com.example.Audit");
        AdaptivePartitionerConfig adaptive = AdaptivePartitionerConfig.defaults().withSpreadPartitions(2);

        Map<String, Object> config = Strategy.ADAPTIVE.producerConfig(base, adaptive);

        assertThat(config)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, AdaptivePartitioner.class.getName())
                .containsEntry(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
                        "com.example.Audit," + AdaptiveHeaderInterceptor.class.getName())
                .containsAllEntriesOf(adaptive.toProducerConfig())
                .containsEntry(AdaptivePartitionerConfig.SPREAD_PARTITIONS, "2");
        assertThat(base).hasSize(2);
        assertThat(Arrays.stream(Strategy.values()).filter(s -> s != Strategy.ADAPTIVE))
                .allSatisfy(s -> assertThat(s.producerConfig(base, adaptive)).isEqualTo(base));
    }
}
