package dev.hotkeylab.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where two clients' partitioners split the same keys: the co-partitioning failure of mixed-language producers (a
 * Go service with Sarama and a Java service writing the same keys to one topic send a key to two partitions, so its
 * records lose their order and a keyed consumer or a join sees half of them).
 *
 * @param first          one client
 * @param second         the other
 * @param partitions     the partition count compared at
 * @param keysCompared   distinct keys
 * @param keysSplit      keys both clients hash, to different partitions
 * @param recordsSplit   records of those keys
 * @param keysUnplaced   keys at least one of them does not hash (null keys; empty keys under librdkafka's default;
 *                       every key under librdkafka-random): no co-partitioning either
 * @param recordsUnplaced records of those keys
 * @param totalRecords   records in all
 * @param examples       up to {@value #EXAMPLES} split keys, hottest first
 */
public record ClientComparison(ClientModel first, ClientModel second, int partitions, int keysCompared, int keysSplit,
                               long recordsSplit, int keysUnplaced, long recordsUnplaced, long totalRecords,
                               List<Example> examples) {

    static final int EXAMPLES = 10;

    public ClientComparison {
        examples = List.copyOf(examples);
    }

    /** One split key: where each client puts it. */
    public record Example(String key, long records, int firstPartition, int secondPartition) {
    }

    /** Share of records whose key is not on one partition under both clients (split or unplaced). */
    public double recordShareNotCoPartitioned() {
        return (double) (recordsSplit + recordsUnplaced) / totalRecords;
    }

    /**
     * Compares {@code first} and {@code second} on every key.
     *
     * @throws IllegalArgumentException if a client refuses a key (the hashcode selector and a null or binary key)
     */
    public static ClientComparison compare(KeyCounts keys, ClientModel first, ClientModel second, int partitions) {
        Objects.requireNonNull(keys, "keys");
        int split = 0;
        int unplaced = 0;
        long recordsSplit = 0;
        long recordsUnplaced = 0;
        for (int i = 0; i < keys.size(); i++) {
            int a = first.partitionFor(keys.key(i), partitions);
            int b = second.partitionFor(keys.key(i), partitions);
            if (a == ClientModel.SPREAD || b == ClientModel.SPREAD) {
                unplaced++;
                recordsUnplaced += keys.count(i);
            } else if (a != b) {
                split++;
                recordsSplit += keys.count(i);
            }
        }
        List<Example> examples = new ArrayList<>();
        for (int i : keys.hottest(Math.min(keys.size(), 100_000))) {
            if (examples.size() == EXAMPLES) {
                break;
            }
            int a = first.partitionFor(keys.key(i), partitions);
            int b = second.partitionFor(keys.key(i), partitions);
            if (a != b || a == ClientModel.SPREAD) {
                examples.add(new Example(keys.label(i), keys.count(i), a, b));
            }
        }
        return new ClientComparison(first, second, partitions, keys.size(), split, recordsSplit, unplaced,
                recordsUnplaced, keys.totalRecords(), examples);
    }
}
