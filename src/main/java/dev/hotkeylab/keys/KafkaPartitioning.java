package dev.hotkeylab.keys;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

/**
 * Where the Java client's default partitioner puts a String key, computed by Kafka's own code
 * ({@link BuiltInPartitioner#partitionForKey}: {@code toPositive(murmur2(key)) % partitions}), so a prediction can
 * never drift from what a real producer does.
 */
public final class KafkaPartitioning {

    private KafkaPartitioning() {
    }

    /** The partition the Java producer picks for {@code key} (serialized as UTF-8, as StringSerializer does). */
    public static int partitionFor(String key, int partitions) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null: a null key is not hashed by the partitioner");
        }
        requirePartitions(partitions);
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** The partition for already-serialized key bytes. */
    public static int partitionFor(byte[] keyBytes, int partitions) {
        requirePartitions(partitions);
        return BuiltInPartitioner.partitionForKey(keyBytes, partitions);
    }

    static void requirePartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 but got " + partitions);
        }
    }
}
