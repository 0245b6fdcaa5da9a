package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.LoadModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The per-key arithmetic of {@link WhatIfSimulator}: one chunk's accumulators (records per partition where each key
 * hashes, its salted keys, hot and cold keys for the adaptive model, and the same at the grown partition count), filled
 * key by key and merged pairwise. Pure; the only randomness is seeded per key ({@link #mix}).
 */
final class KeyLoads {

    final double[] fixed;
    final double[] salted;
    final double[] fixed2;
    final double[] salted2;
    /** Records of keys under the adaptive threshold, where FIXED_KEY puts them (at P and at the grown count). */
    final double[] cold;
    final double[] cold2;
    /** Records of keys at or over the adaptive threshold: spread evenly. */
    double hot;
    private final double hotCount;
    /** Keys with at least this many records but under the threshold are worth a warning. */
    private final double underThresholdFloor;
    final List<Integer> underThreshold = new ArrayList<>();
    long keysMoved;
    double fixedMoved;
    double saltedMoved;
    long spreadKeys;
    long spreadKeysReachingAll;
    double spreadRecords;
    double spreadRecordsReachingAll;
    long spreadPartitionsReached;
    private final boolean randomSalt;
    /** Marks partitions reached by the current key's salts: stamp[p] == key index + 1, so no clearing per key. */
    private final int[] stamp;

    KeyLoads(WhatIfConfig config, long totalRecords) {
        fixed = new double[config.partitions()];
        cold = new double[config.partitions()];
        cold2 = new double[config.grows() ? config.growTo() : 0];
        hotCount = config.adaptiveThreshold() * totalRecords;
        underThresholdFloor = Math.max(1, AdaptiveWarning.TIMES_FAIR_SHARE * totalRecords / config.partitions());
        randomSalt = config.strategies().stream().anyMatch(s -> s.loadModel() == LoadModel.SALT_PER_RECORD);
        salted = new double[randomSalt ? config.partitions() : 0];
        fixed2 = new double[config.grows() ? config.growTo() : 0];
        salted2 = new double[config.grows() && randomSalt ? config.growTo() : 0];
        stamp = new int[randomSalt ? config.partitions() : 0];
    }

    void add(KeyCounts keys, int index, WhatIfConfig config) {
        long count = keys.count(index);
        if (count == 0) {
            return;
        }
        ClientModel client = config.client();
        int p = config.partitions();
        int p2 = config.growTo();
        boolean grows = config.grows();
        byte[] bytes = keys.key(index);
        int at = client.partitionFor(bytes, p);
        place(fixed, at, count);
        // A key the client does not hash (null, or empty under librdkafka's default) is spread already; the
        // adaptive partitioner has nothing to do for it.
        boolean isHot = count >= hotCount && at != ClientModel.SPREAD;
        if (isHot) {
            hot += count;
        } else {
            place(cold, at, count);
        }
        if (!isHot && at != ClientModel.SPREAD && count >= underThresholdFloor) {
            underThreshold.add(index);
        }
        if (grows) {
            int at2 = client.partitionFor(bytes, p2);
            place(fixed2, at2, count);
            if (!isHot) {
                place(cold2, at2, count);
            }
            if (at2 != at && at != ClientModel.SPREAD) {
                keysMoved++;
                fixedMoved += count;
            }
        }
        if (!randomSalt) {
            return;
        }
        if (bytes == null) {
            // Nothing to salt: a record without a key stays without one.
            addSalted(null, count, client, p, p2, grows);
            return;
        }
        SaltedKeyBytes saltedKeys = new SaltedKeyBytes(bytes);
        int buckets = config.saltBuckets();
        if (count >= buckets) {
            double each = (double) count / buckets;
            int reached = 0;
            for (int b = 0; b < buckets; b++) {
                int saltedAt = addSalted(saltedKeys.forBucket(b), each, client, p, p2, grows);
                if (saltedAt == ClientModel.SPREAD) {
                    reached = p; // a random partitioner reaches every partition
                } else if (reached < p && stamp[saltedAt] != index + 1) {
                    stamp[saltedAt] = index + 1;
                    reached++;
                }
            }
            spreadKeys++;
            spreadRecords += count;
            spreadPartitionsReached += reached;
            if (reached == p) {
                spreadKeysReachingAll++;
                spreadRecordsReachingAll += count;
            }
        } else {
            SplittableRandom random = new SplittableRandom(mix(config.seed(), index));
            for (long r = 0; r < count; r++) {
                addSalted(saltedKeys.forBucket(random.nextInt(buckets)), 1, client, p, p2, grows);
            }
        }
    }

    /** Adds {@code weight} records at partition {@code at}, or evenly over all for {@link ClientModel#SPREAD}. */
    private static void place(double[] load, int at, double weight) {
        if (at == ClientModel.SPREAD) {
            double each = weight / load.length;
            for (int i = 0; i < load.length; i++) {
                load[i] += each;
            }
        } else {
            load[at] += weight;
        }
    }

    /** Adds one salted key's weight and returns its partition at P. */
    private int addSalted(byte[] saltedKey, double weight, ClientModel client, int p, int p2, boolean grows) {
        int at = client.partitionFor(saltedKey, p);
        place(salted, at, weight);
        if (grows) {
            int at2 = client.partitionFor(saltedKey, p2);
            place(salted2, at2, weight);
            if (at2 != at && at != ClientModel.SPREAD) {
                saltedMoved += weight;
            }
        }
        return at;
    }

    KeyLoads merge(KeyLoads other) {
        addInto(fixed, other.fixed);
        addInto(salted, other.salted);
        addInto(fixed2, other.fixed2);
        addInto(salted2, other.salted2);
        addInto(cold, other.cold);
        addInto(cold2, other.cold2);
        hot += other.hot;
        keysMoved += other.keysMoved;
        fixedMoved += other.fixedMoved;
        saltedMoved += other.saltedMoved;
        spreadKeys += other.spreadKeys;
        spreadKeysReachingAll += other.spreadKeysReachingAll;
        spreadRecords += other.spreadRecords;
        spreadRecordsReachingAll += other.spreadRecordsReachingAll;
        spreadPartitionsReached += other.spreadPartitionsReached;
        underThreshold.addAll(other.underThreshold);
        return this;
    }

    private static void addInto(double[] target, double[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] += source[i];
        }
    }

    /** A per-key seed (SplitMix64 finalizer of seed and key index), independent of how keys are chunked. */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
