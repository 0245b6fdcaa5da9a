package dev.hotkeylab.keys;

import java.util.Random;

/**
 * What a strategy may depend on: the partition count, the number of salt buckets for random salting, and the seeded
 * random source (injected, so a run with the same seed sends the same keys).
 */
public record StrategyContext(int partitions, int saltBuckets, Random random) {

    public StrategyContext {
        KafkaPartitioning.requirePartitions(partitions);
        if (saltBuckets < 1) {
            throw new IllegalArgumentException("salt buckets must be >= 1 but got " + saltBuckets);
        }
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
    }

    /** Salt buckets default to the partition count, as in the seed. */
    public static StrategyContext of(int partitions, long seed) {
        return new StrategyContext(partitions, partitions, new Random(seed));
    }
}
