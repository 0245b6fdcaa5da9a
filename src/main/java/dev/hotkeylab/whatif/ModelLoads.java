package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.LoadModel;
import java.util.Arrays;

/**
 * Each {@link LoadModel}'s predicted records per partition and the one line that says how it was computed. The only
 * place that tells load models apart: a strategy that declares an existing model needs nothing here.
 */
final class ModelLoads {

    private ModelLoads() {
    }

    /**
     * Records per partition under {@code model}.
     *
     * @param fixed  each key's records where the client hashes it
     * @param salted the same for the salted keys of {@link LoadModel#SALT_PER_RECORD} (empty when not computed)
     * @param cold   records of keys under the hot threshold, where the client hashes them
     * @param hot    records of keys at or over the hot threshold
     */
    static double[] load(LoadModel model, double[] fixed, double[] salted, double[] cold, double hot, int partitions,
            long total) {
        return switch (model) {
            case KEY_HASH -> fixed.clone();
            case SALT_PER_RECORD -> salted.clone();
            case SEARCHED_SALT_ROUND_ROBIN -> roundRobin(total, partitions);
            case SEARCHED_SALT_BY_ENTITY -> even(total, partitions);
            case HOT_KEYS_SPREAD -> {
                double[] load = cold.clone();
                for (int p = 0; p < partitions; p++) {
                    load[p] += hot / partitions;
                }
                yield load;
            }
        };
    }

    /** How {@code model}'s numbers were computed, with the parameters of {@code config}. */
    static String describe(LoadModel model, WhatIfConfig config) {
        return switch (model) {
            case KEY_HASH -> "exact: each key on " + config.client().cliName() + "'s partition for it";
            case SALT_PER_RECORD -> "B=" + config.saltBuckets() + ": expected count/B per salted key for keys with"
                    + " count >= B; rarer keys draw a salt per record (seed " + config.seed() + ")";
            case SEARCHED_SALT_ROUND_ROBIN -> "exact: record s on partition s mod P (salts searched with "
                    + config.client().cliName() + "'s partitioner)";
            case SEARCHED_SALT_BY_ENTITY -> "expected: N/P per partition, assuming many users whose ids hash evenly"
                    + " (the key file has no users; a few heavy users would skew it)";
            case HOT_KEYS_SPREAD -> "steady state: keys with >= " + config.adaptiveThreshold() + " of the records"
                    + " spread evenly, the rest on " + config.client().cliName() + "'s partition for them";
        };
    }

    /** Record s on partition s mod P: floor(N/P) each, one more on the first N mod P partitions. */
    static double[] roundRobin(long total, int partitions) {
        double[] load = new double[partitions];
        long base = total / partitions;
        long extra = total % partitions;
        for (int p = 0; p < partitions; p++) {
            load[p] = base + (p < extra ? 1 : 0);
        }
        return load;
    }

    /** N/P on every partition: the expectation when records pick a partition uniformly. */
    static double[] even(long total, int partitions) {
        double[] load = new double[partitions];
        Arrays.fill(load, (double) total / partitions);
        return load;
    }
}
