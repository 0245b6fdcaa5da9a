package dev.hotkeylab.whatif;

import java.util.Comparator;
import java.util.List;

/**
 * Keys the ADAPTIVE strategy would leave where they are although each carries many times a partition's fair share:
 * their share is under the adaptive threshold, which is a share of ALL traffic. At 1,000 partitions a key with 7 % of
 * the records is 70 times a partition's fair share (0.1 %) and still not hot at the default threshold of 0.2.
 *
 * @param threshold      the adaptive threshold used (share of all records, in (0, 1])
 * @param timesFairShare the factor over a partition's fair share (1/P) from which a key is reported
 * @param keys           how many keys are in that band
 * @param shown          the hottest of them, at most {@value #SHOWN}
 */
public record AdaptiveWarning(double threshold, double timesFairShare, int keys, List<Key> shown) {

    /** A key is reported from this many times a partition's fair share of the records. */
    public static final double TIMES_FAIR_SHARE = 10;
    static final int SHOWN = 10;

    public AdaptiveWarning {
        shown = List.copyOf(shown);
    }

    /**
     * One key under the threshold.
     *
     * @param key            the key, for people ({@link KeyBytes#label})
     * @param records        its records
     * @param share          its share of all records
     * @param timesFairShare {@code share * P}
     * @param partition      where it stays (FIXED_KEY's partition)
     */
    public record Key(String key, long records, double share, double timesFairShare, int partition) {
    }

    /** Null when no key is in the band. */
    static AdaptiveWarning of(KeyCounts keys, List<Integer> indexes, WhatIfConfig config) {
        if (indexes.isEmpty()) {
            return null;
        }
        int p = config.partitions();
        double total = keys.totalRecords();
        List<Key> shown = indexes.stream()
                .sorted(Comparator.comparingLong((Integer i) -> keys.count(i)).reversed().thenComparing(i -> i))
                .limit(SHOWN)
                .map(i -> new Key(keys.label(i), keys.count(i), keys.count(i) / total, keys.count(i) / total * p,
                        config.client().partitionFor(keys.key(i), p)))
                .toList();
        return new AdaptiveWarning(config.adaptiveThreshold(), TIMES_FAIR_SHARE, indexes.size(), shown);
    }
}
