package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.KafkaPartitioning;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * Which client library's partitioner places the keys. The same key lands on different partitions under different
 * clients, so a prediction (and the seed's own "salting works" claim) only holds for the client it was made for.
 * Each constant names the rule it models; only keyed records are modelled (a null key is round robin / sticky /
 * random in every client and never hot).
 */
public enum ClientModel {

    /** The Java client (and anything using Kafka's own code): the real {@code BuiltInPartitioner}. */
    JAVA("java", "Kafka Java client BuiltInPartitioner.partitionForKey: toPositive(murmur2(key)) % P") {
        @Override
        public int partitionFor(byte[] key, int partitions) {
            return KafkaPartitioning.partitionFor(key, partitions);
        }
    },

    /** KafkaJS {@code Partitioners.LegacyPartitioner}: murmur2 computed with JavaScript doubles. */
    KAFKAJS_LEGACY("kafkajs-legacy",
            "KafkaJS LegacyPartitioner: (jsMurmur2(key) & 0x7fffffff) % P, murmur2 in JS double arithmetic") {
        @Override
        public int partitionFor(byte[] key, int partitions) {
            return KafkaJsLegacyMurmur2.partitionFor(key, partitions);
        }
    },

    /**
     * librdkafka's default {@code consistent_random} (kcat, confluent-kafka-python/-go, node-rdkafka): CRC32 of the
     * key modulo P; {@code consistent} is the same for keyed records.
     */
    LIBRDKAFKA("librdkafka", "librdkafka consistent_random (default; kcat): crc32(key) % P") {
        @Override
        public int partitionFor(byte[] key, int partitions) {
            CRC32 crc = new CRC32();
            crc.update(key);
            return (int) (crc.getValue() % partitions);
        }
    };

    private final String cliName;
    private final String rule;

    ClientModel(String cliName, String rule) {
        this.cliName = cliName;
        this.rule = rule;
    }

    /** The partition this client picks for already-serialized key bytes. */
    public abstract int partitionFor(byte[] key, int partitions);

    /** The partition this client picks for a String key (UTF-8, as every one of these clients serializes it). */
    public int partitionFor(String key, int partitions) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null: a null key is not hashed by the partitioner");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 but got " + partitions);
        }
        return partitionFor(key.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** The name used on the command line and in JSON ({@code java}, {@code kafkajs-legacy}, {@code librdkafka}). */
    public String cliName() {
        return cliName;
    }

    /** The partitioning rule this constant models, for output. */
    public String rule() {
        return rule;
    }

    /** Parses a CLI name (case-insensitive; the enum name works too); the error lists what is allowed. */
    public static ClientModel parse(String name) {
        String normalized = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ClientModel model : values()) {
            if (model.cliName.equals(normalized)) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown client '" + name + "'; allowed: " + allowedNames());
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(ClientModel::cliName).collect(Collectors.joining(", "));
    }
}
