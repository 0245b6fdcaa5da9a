package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.keys.KafkaPartitioning;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@org.junit.jupiter.api.DisplayName("Client partitioner models: Java, KafkaJS, librdkafka")
class ClientModelTest {

    private static final String SEED_KEY = "SUPER_STAR_CONCERT_2026";
    private static final List<String> SALTED = List.of(SEED_KEY + "_0", SEED_KEY + "_1", SEED_KEY + "_2");

    @Test
    @DisplayName("java model: the seed's key on 2 of 3, _0/_1/_2 on 2, 1, 2")
    void javaPutsTheSeedKeyOnPartition2AndItsSaltsOn2_1_2() {
        assertThat(ClientModel.JAVA.partitionFor(SEED_KEY, 3)).isEqualTo(2);
        assertThat(SALTED.stream().map(k -> ClientModel.JAVA.partitionFor(k, 3)).toList()).containsExactly(2, 1, 2);
    }

    @Test
    @DisplayName("kafkajs-legacy model: _0/_1/_2 on 0, 1, 2")
    void kafkaJsLegacyPutsTheSeedSaltsOn0_1_2AsTheSeedClaimed() {
        assertThat(SALTED.stream().map(k -> ClientModel.KAFKAJS_LEGACY.partitionFor(k, 3)).toList())
                .containsExactly(0, 1, 2);
    }

    @Test
    void javaModelIsKafkasOwnPartitionerForRandomKeys() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] key = new byte[random.nextInt(40)];
            random.nextBytes(key);
            int partitions = 1 + random.nextInt(500);
            assertThat(ClientModel.JAVA.partitionFor(key, partitions))
                    .isEqualTo(KafkaPartitioning.partitionFor(key, partitions));
        }
    }

    @Test
    void librdkafkaIsUnsignedCrc32ModuloPartitions() {
        // The standard CRC-32 check value: crc32("123456789") = 0xCBF43926 = 3421780262, above Integer.MAX_VALUE, so a
        // signed reading would give a different (negative) remainder.
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(ClientModel.LIBRDKAFKA.partitionFor(check, 1000)).isEqualTo((int) (3421780262L % 1000));
        for (String key : SALTED) {
            CRC32 crc = new CRC32();
            crc.update(key.getBytes(StandardCharsets.UTF_8));
            assertThat(ClientModel.LIBRDKAFKA.partitionFor(key, 3)).isEqualTo((int) (crc.getValue() % 3));
        }
    }

    @ParameterizedTest
    @EnumSource(ClientModel.class)
    void everyModelStaysInRangeAndSpreadsRandomKeys(ClientModel model) {
        int partitions = 7;
        int[] hits = new int[partitions];
        Random random = new Random(11);
        for (int i = 0; i < 7_000; i++) {
            int p = model.partitionFor("k" + random.nextLong(), partitions);
            if (!model.hashesKeys()) {
                assertThat(p).isEqualTo(ClientModel.SPREAD);
                continue;
            }
            assertThat(p).isBetween(0, partitions - 1);
            hits[p]++;
        }
        if (model.hashesKeys()) {
            assertThat(java.util.Arrays.stream(hits).boxed().toList()).allSatisfy(h -> assertThat(h).isBetween(800, 1200));
        }
    }

    @Test
    void modelsDisagreeOnTheSeedsSalts() {
        List<Integer> java = SALTED.stream().map(k -> ClientModel.JAVA.partitionFor(k, 3)).toList();
        List<Integer> legacy = SALTED.stream().map(k -> ClientModel.KAFKAJS_LEGACY.partitionFor(k, 3)).toList();
        assertThat(legacy).isNotEqualTo(java);
    }

    @Test
    void parseAcceptsCliNamesAndListsAllowedOnes() {
        assertThat(ClientModel.parse("java")).isEqualTo(ClientModel.JAVA);
        assertThat(ClientModel.parse("KafkaJS-Legacy")).isEqualTo(ClientModel.KAFKAJS_LEGACY);
        assertThat(ClientModel.parse("kafkajs_legacy")).isEqualTo(ClientModel.KAFKAJS_LEGACY);
        assertThat(ClientModel.parse(" librdkafka ")).isEqualTo(ClientModel.LIBRDKAFKA);
        assertThat(ClientModel.parse("librdkafka-murmur2_random")).isEqualTo(ClientModel.LIBRDKAFKA_MURMUR2_RANDOM);
        assertThat(ClientModel.parse("librdkafka-consistent_random")).isEqualTo(ClientModel.LIBRDKAFKA);
        assertThat(ClientModel.parse("sarama")).isEqualTo(ClientModel.SARAMA);
        assertThatThrownBy(() -> ClientModel.parse("franz-go"))
                .hasMessage("unknown client 'franz-go'; allowed: java, kafkajs, kafkajs-legacy, librdkafka,"
                        + " librdkafka-random, librdkafka-consistent, librdkafka-murmur2, librdkafka-murmur2-random,"
                        + " librdkafka-fnv1a, librdkafka-fnv1a-random, sarama, hashcode");
    }

    @Test
    void nullKeyIsSpreadExceptByTheHashcodeSelectorAndBadPartitionsAreRefused() {
        for (ClientModel model : ClientModel.values()) {
            if (model != ClientModel.HASHCODE && model != ClientModel.LIBRDKAFKA_CONSISTENT
                    && model != ClientModel.LIBRDKAFKA_MURMUR2 && model != ClientModel.LIBRDKAFKA_FNV1A) {
                assertThat(model.partitionFor((String) null, 3)).as(model.cliName()).isEqualTo(ClientModel.SPREAD);
            }
        }
        assertThatThrownBy(() -> ClientModel.HASHCODE.partitionFor((String) null, 3))
                .hasMessageContaining("Partition key cannot be null");
        assertThatThrownBy(() -> ClientModel.KAFKAJS_LEGACY.partitionFor("k", 0))
                .hasMessage("partitions must be >= 1 but got 0");
    }
}
