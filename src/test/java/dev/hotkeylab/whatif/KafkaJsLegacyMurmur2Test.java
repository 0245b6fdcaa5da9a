package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("KafkaJS legacy murmur2, modelled in Java")
class KafkaJsLegacyMurmur2Test {

    @Test
    void toInt32WrapsModulo2To32LikeJavaScript() {
        assertThat(KafkaJsLegacyMurmur2.toInt32(4294967296.0 + 5)).isEqualTo(5);
        assertThat(KafkaJsLegacyMurmur2.toInt32(2147483648.0)).isEqualTo(Integer.MIN_VALUE);
        assertThat(KafkaJsLegacyMurmur2.toInt32(-1.9)).isEqualTo(-1);
        assertThat(KafkaJsLegacyMurmur2.toInt32(Double.NaN)).isZero();
        assertThat(KafkaJsLegacyMurmur2.toInt32(Double.POSITIVE_INFINITY)).isZero();
        assertThat(KafkaJsLegacyMurmur2.toInt32(Math.pow(2, 52) + 7)).isEqualTo(7);
        assertThat(KafkaJsLegacyMurmur2.toInt32(Math.pow(2, 60) + Math.pow(2, 40))).isZero();
    }

    @Test
    void matchesValuesPrintedByKafkaJs224() {
        // require('kafkajs/src/producer/partitioners/legacy/murmur2')(key) under node 20 with kafkajs 2.2.4; the
        // node-backed KafkaJsParityTest checks thousands more keys when node is installed.
        assertThat(KafkaJsLegacyMurmur2.hash("SUPER_STAR_CONCERT_2026".getBytes())).isEqualTo(974977337);
        assertThat(KafkaJsLegacyMurmur2.hash("SUPER_STAR_CONCERT_2026_0".getBytes())).isEqualTo(2056588203);
        assertThat(KafkaJsLegacyMurmur2.hash("SUPER_STAR_CONCERT_2026_1".getBytes())).isEqualTo(693636016);
        assertThat(KafkaJsLegacyMurmur2.hash("SUPER_STAR_CONCERT_2026_2".getBytes())).isEqualTo(1484281073);
    }

    @Test
    void hashIsDeterministicAndDependsOnEveryByte() {
        byte[] a = "SUPER_STAR_CONCERT_2026_0".getBytes();
        byte[] b = "SUPER_STAR_CONCERT_2026_1".getBytes();
        assertThat(KafkaJsLegacyMurmur2.hash(a)).isEqualTo(KafkaJsLegacyMurmur2.hash(a.clone()));
        assertThat(KafkaJsLegacyMurmur2.hash(a)).isNotEqualTo(KafkaJsLegacyMurmur2.hash(b));
    }

    @Test
    void partitionIsNonNegative() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(KafkaJsLegacyMurmur2.partitionFor(("key-" + i).getBytes(), 13)).isBetween(0, 12);
        }
    }
}
