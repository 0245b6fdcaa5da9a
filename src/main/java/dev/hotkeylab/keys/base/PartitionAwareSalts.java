package dev.hotkeylab.keys.base;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

/**
 * One salt suffix per partition for a key: {@code key + "_" + suffix} lands on partition {@code p} for the suffix at
 * index {@code p}. Random suffixes do not spread a key (the seed's {@code _0,_1,_2} hit partitions 2, 1, 2), so the
 * suffixes are searched for with Kafka's own partitioner instead of hoped for.
 *
 * <p>The search tries suffixes 0, 1, 2, ... in order, so the result is a pure function of key and partition count.
 * It is a coupon-collector search: about {@code P ln P} tries (about 7,500 for 1,000 partitions).
 */
public final class PartitionAwareSalts {

    /** The separator between key and suffix, the same as the seed's {@code concertId + "_" + n}. */
    public static final String SEPARATOR = "_";

    private final String key;
    private final int partitions;
    private final String[] saltedKeys;
    private final int[] suffixes;
    private final long triesUsed;

    private PartitionAwareSalts(String key, int partitions, String[] saltedKeys, int[] suffixes, long triesUsed) {
        this.key = key;
        this.partitions = partitions;
        this.saltedKeys = saltedKeys;
        this.suffixes = suffixes;
        this.triesUsed = triesUsed;
    }

    /** Searches one suffix per partition for {@code key} over {@code partitions} partitions. */
    public static PartitionAwareSalts compute(String key, int partitions) {
        KeyText.requireValid(key);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 but got " + partitions);
        }
        String[] salted = new String[partitions];
        int[] suffixes = new int[partitions];
        Arrays.fill(suffixes, -1);
        int found = 0;
        // Far above the coupon-collector expectation even for 100k partitions; a key that needs more is not a key
        // the partitioner hashes uniformly, and saying so beats looping forever.
        long maxTries = Math.max(100_000L, 50L * partitions * (long) (Math.log(partitions) + 1));
        long tries = 0;
        for (int suffix = 0; found < partitions; suffix++) {
            if (++tries > maxTries) {
                throw new IllegalStateException("no salt suffix found for " + (partitions - found) + " of " + partitions
                        + " partitions of key \"" + key + "\" within " + maxTries + " tries");
            }
            String candidate = key + SEPARATOR + suffix;
            int p = BuiltInPartitioner.partitionForKey(candidate.getBytes(StandardCharsets.UTF_8), partitions);
            if (salted[p] == null) {
                salted[p] = candidate;
                suffixes[p] = suffix;
                found++;
            }
        }
        return new PartitionAwareSalts(key, partitions, salted, suffixes, tries);
    }

    public String key() {
        return key;
    }

    public int partitions() {
        return partitions;
    }

    /** The salted key that lands on {@code partition}. */
    public String saltedKeyFor(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition must be in [0, " + (partitions - 1) + "] but got " + partition);
        }
        return saltedKeys[partition];
    }

    /** The suffix that lands on {@code partition}. */
    public int suffixFor(int partition) {
        saltedKeyFor(partition);
        return suffixes[partition];
    }

    /** Salted keys by partition index. */
    public List<String> saltedKeys() {
        return List.of(saltedKeys);
    }

    /** Suffixes by partition index. */
    public List<Integer> suffixes() {
        return IntStream.of(suffixes).boxed().toList();
    }

    /** How many suffixes were hashed to find one per partition. */
    public long triesUsed() {
        return triesUsed;
    }
}
