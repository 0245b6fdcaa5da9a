package dev.hotkeylab.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Kafka's partitioner: where keys land (BuiltInPartitioner, murmur2)")
class KafkaPartitioningTest {

    @Test
    @DisplayName("the seed's concert lands on partition 2 of 3 under the Java client's partitioner")
    void seedKeyLandsOnPartitionTwo() {
        assertThat(KafkaPartitioning.partitionFor("SUPER_STAR_CONCERT_2026", 3)).isEqualTo(2);
    }

    @Test
    @DisplayName("the seed's salted keys _0, _1, _2 land on 2, 1, 2: partition 0 gets nothing")
    void seedSaltedKeysCollide() {
        assertThat(KafkaPartitioning.partitionFor("SUPER_STAR_CONCERT_2026_0", 3)).isEqualTo(2);
        assertThat(KafkaPartitioning.partitionFor("SUPER_STAR_CONCERT_2026_1", 3)).isEqualTo(1);
        assertThat(KafkaPartitioning.partitionFor("SUPER_STAR_CONCERT_2026_2", 3)).isEqualTo(2);
    }

    @Test
    void badInputNamesTheValue() {
        assertThatThrownBy(() -> KafkaPartitioning.partitionFor("k", 0))
                .hasMessage("partitions must be >= 1 but got 0");
        assertThatThrownBy(() -> KafkaPartitioning.partitionFor((String) null, 3))
                .hasMessageContaining("key must not be null");
    }
}
