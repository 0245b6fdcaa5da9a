package dev.hotkeylab.keys.base;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
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
        Search found = search(key, partitions,
                k -> BuiltInPartitioner.partitionForKey(k.getBytes(StandardCharsets.UTF_8), partitions), "");
        return new PartitionAwareSalts(key, partitions, found.saltedKeys(), found.suffixes(), found.tries());
    }

    /**
     * What one search found: by partition index, the salted key that lands there and its suffix, and how many
     * suffixes were hashed.
     */
    public record Search(String[] saltedKeys, int[] suffixes, long tries) {
    }

    /**
     * The search with any partitioner: suffixes 0, 1, 2, ... until every partition has one ({@code whatif} searches
     * with the partitioner of the client it models).
     *
     * @param partitionOf the partition a salted key lands on, in {@code [0, partitions)}
     * @param under       the partitioner's name for the error message ("" for Kafka's own)
     * @throws IllegalArgumentException for {@code partitions < 1}
     * @throws IllegalStateException    when a partition gets no suffix within a bound far above the coupon-collector
     *                                  expectation (the partitioner does not hash uniformly)
     */
    public static Search search(String key, int partitions, ToIntFunction<String> partitionOf, String under) {
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
                        + " partitions of key \"" + key + "\"" + (under.isEmpty() ? "" : " under " + under)
                        + " within " + maxTries + " tries");
            }
            String candidate = key + SEPARATOR + suffix;
            int p = partitionOf.applyAsInt(candidate);
            if (salted[p] == null) {
                salted[p] = candidate;
                suffixes[p] = suffix;
                found++;
            }
        }
        return new Search(salted, suffixes, tries);
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
