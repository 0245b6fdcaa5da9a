package dev.hotkeylab.whatif;

import dev.hotkeylab.util.Choices;
import dev.hotkeylab.keys.KafkaPartitioning;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.apache.kafka.common.utils.Utils;

/**
 * Which client library's partitioner places the keys. The same key lands on different partitions under different
 * clients, so a prediction (and the seed's own "salting works" claim) only holds for the client it was made for.
 * Each constant names the rule it models, for keyed records, empty keys and null keys alike:
 * {@link #partitionFor(byte[], int)} answers {@link #SPREAD} where the client does not hash the key (a null key is
 * sticky, round robin or random in every client; librdkafka's default also sends an empty key at random) and records
 * of that key end up spread over every partition. Sources: Kafka's {@code BuiltInPartitioner}; KafkaJS 2.2.4
 * {@code src/producer/partitioners}; librdkafka {@code src/rdkafka_msg.c} ({@code rd_kafka_msg_partitioner_*} and the
 * sticky branch of {@code rd_kafka_msg_partitioner}); Sarama {@code partitioner.go}; Spring Cloud Stream
 * {@code PartitionHandler.DefaultPartitionSelector}.
 */
public enum ClientModel {

    /** The Java client (and anything using Kafka's own code): the real {@code BuiltInPartitioner}. */
    JAVA("java", "Kafka Java client BuiltInPartitioner.partitionForKey: toPositive(murmur2(key)) % P; null key: sticky",
            KafkaPartitioning::partitionFor, NullKey.SPREAD),

    /** KafkaJS 2.x {@code Partitioners.DefaultPartitioner}: the Java client's murmur2 rule. */
    KAFKAJS("kafkajs", "KafkaJS DefaultPartitioner: toPositive(murmur2(key)) % P, as the Java client; null key: round"
            + " robin",
            KafkaPartitioning::partitionFor, NullKey.SPREAD),

    /** KafkaJS {@code Partitioners.LegacyPartitioner}: murmur2 computed with JavaScript doubles. */
    KAFKAJS_LEGACY("kafkajs-legacy",
            "KafkaJS LegacyPartitioner: (jsMurmur2(key) & 0x7fffffff) % P, murmur2 in JS double arithmetic; null key:"
                    + " round robin",
            KafkaJsLegacyMurmur2::partitionFor, NullKey.SPREAD),

    /**
     * librdkafka's default {@code consistent_random} (kcat, confluent-kafka-python/-go/-dotnet, node-rdkafka): CRC32 of
     * the key modulo P, read unsigned; null AND empty keys go to a random (sticky) partition.
     */
    LIBRDKAFKA("librdkafka", "librdkafka consistent_random (default; kcat): crc32(key) % P unsigned; empty and null"
            + " key: random (sticky)",
            (key, partitions) -> key.length == 0 ? ClientModel.SPREAD : crc32(key, partitions), NullKey.SPREAD),

    /** librdkafka {@code random}: every record to a random partition, key or not. */
    LIBRDKAFKA_RANDOM("librdkafka-random", "librdkafka random: every record to a random partition",
            (key, partitions) -> ClientModel.SPREAD, NullKey.SPREAD),

    /**
     * librdkafka {@code consistent}: CRC32 of every key, so an empty key is crc32("") = 0, partition 0; a null key is
     * hashed as the empty key (these non-random partitioners skip the sticky branch: {@code rkt_conf.random_partitioner}
     * in {@code rdkafka_topic.c}).
     */
    LIBRDKAFKA_CONSISTENT("librdkafka-consistent", "librdkafka consistent: crc32(key) % P unsigned; empty and null"
            + " key: crc32(\"\") = 0, p0",
            ClientModel::crc32, NullKey.AS_EMPTY),

    /** librdkafka {@code murmur2}: the Java client's rule ({@code rd_murmur2} is Kafka's murmur2); null = empty key. */
    LIBRDKAFKA_MURMUR2("librdkafka-murmur2", "librdkafka murmur2: (murmur2(key) & 0x7fffffff) % P, as Java; null key:"
            + " hashed as the empty key",
            ClientModel::murmur2, NullKey.AS_EMPTY),

    /** librdkafka {@code murmur2_random}: the Java client's rule; only a null key is random, an empty key is hashed. */
    LIBRDKAFKA_MURMUR2_RANDOM("librdkafka-murmur2-random", "librdkafka murmur2_random: (murmur2(key) & 0x7fffffff) %"
            + " P, as Java (empty key hashed); null key: random (sticky)",
            ClientModel::murmur2, NullKey.SPREAD),

    /**
     * librdkafka {@code fnv1a}: {@code rd_fnv1a} takes the absolute value of the int32 FNV-1a hash "to match the Sarama
     * NewHashPartitioner implementation" ({@code src/rdfnv1a.c}), so it places every key where Sarama does; a null key
     * is hashed as the empty key.
     */
    LIBRDKAFKA_FNV1A("librdkafka-fnv1a", "librdkafka fnv1a: |int32(fnv1a32(key))| % P, as Sarama; null key: hashed as"
            + " the empty key",
            ClientModel::saramaFnv1a, NullKey.AS_EMPTY),

    /** librdkafka {@code fnv1a_random}: as {@code fnv1a}; only a null key is random. */
    LIBRDKAFKA_FNV1A_RANDOM("librdkafka-fnv1a-random", "librdkafka fnv1a_random: |int32(fnv1a32(key))| % P, as Sarama"
            + " (empty key hashed); null key: random (sticky)",
            ClientModel::saramaFnv1a, NullKey.SPREAD),

    /**
     * Sarama's default {@code NewHashPartitioner}: FNV-1a 32-bit read as a signed int32, remainder, then negated if
     * negative (not Java's {@code & 0x7fffffff}); librdkafka's {@code fnv1a} was written to match it.
     */
    SARAMA("sarama", "Sarama HashPartitioner: |int32(fnv1a32(key)) % P| (Go remainder); nil key: random",
            ClientModel::saramaFnv1a, NullKey.SPREAD),

    /**
     * A selector on Java's {@code String.hashCode} of the key text: Spring Cloud Stream's default partition selector
     * ({@code hashCode}, MIN_VALUE mapped to 0, {@code Math.abs}), then {@code Math.abs(partition % P)}. The key must
     * be UTF-8 text; a null partition key is refused ("Partition key cannot be null").
     */
    HASHCODE("hashcode", "Spring Cloud Stream DefaultPartitionSelector: |abs(String.hashCode(key)) % P| (MIN_VALUE ->"
            + " 0); null key: refused",
            ClientModel::hashCodeSelector, NullKey.REFUSED);

    /** Answer of {@link #partitionFor(byte[], int)} for a key this client does not hash: spread over all partitions. */
    public static final int SPREAD = -1;

    /** The rule for key bytes (never null): a partition, or {@link #SPREAD} where the client does not hash the key. */
    @FunctionalInterface
    private interface KeyHash {
        int partition(byte[] key, int partitions);
    }

    /** What a client does with a record without a key. */
    private enum NullKey {
        /** Sticky, round robin or random: spread over the partitions. */
        SPREAD,
        /** Hashed as the empty key. */
        AS_EMPTY,
        /** Refused (Spring Cloud Stream: "Partition key cannot be null"). */
        REFUSED
    }

    private final String cliName;
    private final String rule;
    private final KeyHash hash;
    private final NullKey nullKey;

    ClientModel(String cliName, String rule, KeyHash hash, NullKey nullKey) {
        this.cliName = cliName;
        this.rule = rule;
        this.hash = hash;
        this.nullKey = nullKey;
    }

    private int nullKey(int partitions) {
        return switch (nullKey) {
            case SPREAD -> SPREAD;
            case AS_EMPTY -> hash.partition(new byte[0], partitions);
            case REFUSED -> throw new IllegalArgumentException("the " + cliName + " selector (Spring Cloud Stream)"
                    + " refuses a null partition key (\"Partition key cannot be null\"); give every record a key or"
                    + " choose another --client");
        };
    }

    /**
     * The partition this client picks for already-serialized key bytes, {@code null} being a record without a key;
     * {@link #SPREAD} where the client does not hash the key (its records spread over all partitions).
     *
     * @throws IllegalArgumentException for partitions < 1, or a key this client refuses (hashcode: null or non-UTF-8)
     */
    public int partitionFor(byte[] key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 but got " + partitions);
        }
        return key == null ? nullKey(partitions) : hash.partition(key, partitions);
    }

    /** The partition this client picks for a String key (UTF-8, as every one of these clients serializes it). */
    public int partitionFor(String key, int partitions) {
        return partitionFor(key == null ? null : key.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** False for a client that places every record at random whatever its key (librdkafka's {@code random}). */
    public boolean hashesKeys() {
        return this != LIBRDKAFKA_RANDOM;
    }

    /** The Java rule's murmur2, from Kafka's own {@code Utils.murmur2}: {@code (murmur2 & 0x7fffffff) % P}. */
    private static int murmur2(byte[] key, int partitions) {
        return (Utils.murmur2(key) & 0x7fffffff) % partitions;
    }

    /**
     * Sarama's {@code |int32(h) % P|}, equal to librdkafka's {@code (uint32)|int32(h)| % P}: the remainder of a
     * truncating division has the dividend's sign, and for h = MIN_VALUE both give 2^31 % P.
     */
    private static int saramaFnv1a(byte[] key, int partitions) {
        return Math.abs(fnv1a32(key) % partitions);
    }

    /**
     * Spring Cloud Stream's selector: {@code String.hashCode} of the UTF-8 key text (MIN_VALUE mapped to 0),
     * {@code Math.abs}, then {@code Math.abs(partition % P)}.
     */
    private static int hashCodeSelector(byte[] key, int partitions) {
        String text = KeyBytes.utf8OrNull(key);
        if (text == null) {
            throw new IllegalArgumentException("key " + KeyBytes.label(key) + " is not UTF-8 text; the hashcode"
                    + " model hashes a java.lang.String");
        }
        int hashCode = text.hashCode();
        if (hashCode == Integer.MIN_VALUE) {
            hashCode = 0;
        }
        return Math.abs(Math.abs(hashCode) % partitions);
    }

    private static int crc32(byte[] key, int partitions) {
        CRC32 crc = new CRC32();
        crc.update(key);
        return (int) (crc.getValue() % partitions);
    }

    /**
     * FNV-1a, 32 bits (offset basis 0x811C9DC5, prime 0x01000193), as librdkafka's {@code rd_fnv1a} and Go's
     * {@code hash/fnv.New32a}; checked against Go's published golden values.
     */
    static int fnv1a32(byte[] key) {
        int h = 0x811C9DC5;
        for (byte b : key) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }

    /** The name used on the command line and in JSON ({@code java}, {@code kafkajs-legacy}, {@code librdkafka}). */
    public String cliName() {
        return cliName;
    }

    /** The partitioning rule this constant models, for output. */
    public String rule() {
        return rule;
    }

    /**
     * Parses a CLI name (case-insensitive; {@code _} and {@code -} alike, so {@code librdkafka-murmur2_random} works;
     * {@code librdkafka-consistent-random} is {@code librdkafka}); the error lists what is allowed.
     */
    public static ClientModel parse(String name) {
        if (Choices.find(new String[] {"librdkafka-consistent-random"}, s -> s, name).isPresent()) {
            return LIBRDKAFKA;
        }
        return Choices.find(values(), ClientModel::cliName, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown client '" + name + "'; allowed: " + allowedNames()));
    }

    public static String allowedNames() {
        return Choices.names(values(), ClientModel::cliName);
    }
}
