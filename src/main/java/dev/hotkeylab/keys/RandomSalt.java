package dev.hotkeylab.keys;

import dev.hotkeylab.keys.base.PartitionAwareSalts;
import java.util.Random;

/**
 * The seed's design: {@code concertId + "_" + random(0..B-1)}. It spreads the key over at most B distinct salted keys,
 * and nothing makes those keys hash to distinct partitions: for the seed's concert the Java client puts
 * {@code _0, _1, _2} on partitions 2, 1, 2.
 */
final class RandomSalt implements KeyStrategy {

    private final int buckets;
    private final Random random;

    RandomSalt(int buckets, Random random) {
        this.buckets = buckets;
        this.random = random;
    }

    @Override
    public String keyFor(String concertId, String userId, long sequence) {
        return concertId + PartitionAwareSalts.SEPARATOR + random.nextInt(buckets);
    }
}
