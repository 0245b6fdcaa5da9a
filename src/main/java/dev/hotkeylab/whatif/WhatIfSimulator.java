package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.Strategy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Predicts, without a broker, how a key population spreads over partitions and consumers under each key strategy, for
 * the partitioner of the chosen client. Pure: same config and keys, same result (the only randomness is seeded).
 *
 * <p>How each strategy is computed:
 * <ul>
 *   <li>FIXED_KEY: exact; each key's records go to the partition its client hashes it to.</li>
 *   <li>RANDOM_SALT ({@code key_0 .. key_(B-1)}, one drawn per record): a key with {@code count >= B} records puts the
 *       expected {@code count / B} on each of its B salted keys; a rarer key (count < B) would not even use every
 *       salt, so each of its records draws a salt from a seeded random source. Hashes: sum of min(count, B).</li>
 *   <li>PARTITION_AWARE_SALT: exact by construction; record {@code s} uses the salt searched for partition
 *       {@code s mod P} with the same client's hash, so the load is N/P within one. The hottest key's salts are
 *       searched for real, and checked under every client ({@link SaltCheck}).</li>
 *   <li>ENTITY_SALT (the partition-aware salt picked by the user id): expected N/P per partition; a key population
 *       carries no users, so this assumes many users whose ids hash evenly.</li>
 *   <li>ADAPTIVE (the adaptive partitioner's steady state): a key with at least
 *       {@link WhatIfConfig#adaptiveThreshold()} of all
 *       records is spread evenly over every partition, every other key stays where FIXED_KEY puts it. The records a
 *       hot key sends home before the detector has seen enough of them are left out.</li>
 * </ul>
 * A key the client does not hash ({@link ClientModel#SPREAD}: a null key, an empty key under librdkafka's default,
 * every key under librdkafka-random) puts its records evenly on every partition under every strategy; salting cannot
 * change a record without a key.
 * Keys are processed in parallel chunks, each with its own load arrays merged at the end.
 */
public final class WhatIfSimulator {

    /** Hash budget for searching partition-aware salts of the hottest keys when checking growth. */
    static final long STALE_SALT_HASH_BUDGET = 5_000_000L;
    static final int STALE_SALT_MAX_KEYS = 1_000;
    private static final int CHUNKS = 64;
    private static final int SALTS_SHOWN = 16;

    private final WhatIfConfig config;

    public WhatIfSimulator(WhatIfConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public WhatIfConfig config() {
        return config;
    }

    public WhatIfResult simulate(KeyCounts keys) {
        return simulate(keys, ProgressListener.NONE);
    }

    /** Runs the prediction; {@code progress} hears about every finished chunk of keys. */
    public WhatIfResult simulate(KeyCounts keys, ProgressListener progress) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(progress, "progress");
        int n = keys.size();
        int chunks = Math.min(n, CHUNKS);
        AtomicLong done = new AtomicLong();
        Loads loads = IntStream.range(0, chunks).parallel()
                .mapToObj(chunk -> {
                    int from = (int) ((long) n * chunk / chunks);
                    int to = (int) ((long) n * (chunk + 1) / chunks);
                    Loads local = new Loads(config, keys.totalRecords());
                    for (int i = from; i < to; i++) {
                        local.add(keys, i, config);
                    }
                    progress.progress("keys", done.addAndGet(to - from), n);
                    return local;
                })
                .reduce(Loads::merge)
                .orElseThrow();

        int[] hottest = keys.hottest(1);
        byte[] hottestKey = keys.key(hottest[0]);
        int[] owner = ConsumerAssignment.consumerOfPartition(config.partitions(), config.consumers());
        List<StrategyPrediction> predictions = new ArrayList<>();
        for (Strategy strategy : config.strategies()) {
            predictions.add(prediction(strategy, loadOf(strategy, loads.fixed, loads.salted, loads.cold, loads.hot,
                    config.partitions(), keys.totalRecords()), owner));
        }
        String hottestText = hottestKey == null ? null : KeyBytes.utf8OrNull(hottestKey);
        // Salts are searched for text keys under a client that hashes keys; a null or binary hottest key has none.
        SaltCheck saltCheck = (config.strategies().contains(Strategy.PARTITION_AWARE_SALT)
                || config.strategies().contains(Strategy.ENTITY_SALT)) && hottestText != null
                && config.client().hashesKeys() ? saltCheck(hottestText) : null;
        SaltSpread saltSpread = null;
        if (config.strategies().contains(Strategy.RANDOM_SALT)) {
            double total = keys.totalRecords();
            saltSpread = new SaltSpread(config.saltBuckets(), config.partitions(), loads.spreadKeys,
                    loads.spreadRecords / total, loads.spreadKeysReachingAll, loads.spreadRecordsReachingAll / total,
                    loads.spreadKeys == 0 ? 0 : (double) loads.spreadPartitionsReached / loads.spreadKeys);
        }
        GrowthPrediction growth = config.grows() ? growth(keys, loads, progress) : null;
        AdaptiveWarning adaptiveWarning = config.strategies().contains(Strategy.ADAPTIVE)
                ? AdaptiveWarning.of(keys, loads.underThreshold, config) : null;
        return new WhatIfResult(config, config.client().rule(), keys.description(), n, keys.totalRecords(),
                KeyBytes.label(hottestKey), keys.count(hottest[0]), predictions, saltSpread, saltCheck, growth,
                adaptiveWarning);
    }

    private double[] loadOf(Strategy strategy, double[] fixed, double[] salted, double[] cold, double hot,
            int partitions, long total) {
        return switch (strategy) {
            case FIXED_KEY -> fixed.clone();
            case RANDOM_SALT -> salted.clone();
            case PARTITION_AWARE_SALT -> roundRobin(total, partitions);
            case ENTITY_SALT -> even(total, partitions);
            case ADAPTIVE -> {
                double[] load = cold.clone();
                for (int p = 0; p < partitions; p++) {
                    load[p] += hot / partitions;
                }
                yield load;
            }
        };
    }

    private StrategyPrediction prediction(Strategy strategy, double[] partitionLoad, int[] owner) {
        double[] consumerLoad = ConsumerAssignment.consumerLoad(partitionLoad, owner, config.consumers());
        return new StrategyPrediction(strategy, model(strategy), partitionLoad, LoadSummary.of(partitionLoad),
                consumerLoad, LoadSummary.of(consumerLoad));
    }

    private String model(Strategy strategy) {
        return switch (strategy) {
            case FIXED_KEY -> "exact: each key on " + config.client().cliName() + "'s partition for it";
            case RANDOM_SALT -> "B=" + config.saltBuckets() + ": expected count/B per salted key for keys with"
                    + " count >= B; rarer keys draw a salt per record (seed " + config.seed() + ")";
            case PARTITION_AWARE_SALT -> "exact: record s on partition s mod P (salts searched with "
                    + config.client().cliName() + "'s partitioner)";
            case ENTITY_SALT -> "expected: N/P per partition, assuming many users whose ids hash evenly (the key file"
                    + " has no users; a few heavy users would skew it)";
            case ADAPTIVE -> "steady state: keys with >= " + config.adaptiveThreshold() + " of the records spread evenly, the"
                    + " rest on " + config.client().cliName() + "'s partition for them";
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
        java.util.Arrays.fill(load, (double) total / partitions);
        return load;
    }

    private SaltCheck saltCheck(String key) {
        ClientSalts salts = ClientSalts.search(key, config.partitions(), config.client());
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (ClientModel producer : ClientModel.values()) {
            if (producer.hashesKeys()) {
                covered.put(producer.cliName(), salts.partitionsCoveredBy(producer, config.partitions()));
            }
        }
        List<String> shown = salts.saltedKeys().subList(0, Math.min(SALTS_SHOWN, salts.saltedKeys().size()));
        return new SaltCheck(KeyBytes.label(key.getBytes(StandardCharsets.UTF_8)), config.client(), salts.tries(), shown,
                covered);
    }

    private GrowthPrediction growth(KeyCounts keys, Loads loads, ProgressListener progress) {
        int p2 = config.growTo();
        WhatIfConfig grown = new WhatIfConfig(p2, config.consumers(), config.strategies(), config.saltBuckets(),
                config.client(), 0, config.seed(), config.adaptiveThreshold());
        int[] owner = ConsumerAssignment.consumerOfPartition(p2, config.consumers());
        List<StrategyPrediction> after = new ArrayList<>();
        WhatIfSimulator grownSimulator = new WhatIfSimulator(grown);
        for (Strategy strategy : config.strategies()) {
            after.add(grownSimulator.prediction(strategy,
                    loadOf(strategy, loads.fixed2, loads.salted2, loads.cold2, loads.hot, p2, keys.totalRecords()),
                    owner));
        }
        double total = keys.totalRecords();
        double randomMoved = config.strategies().contains(Strategy.RANDOM_SALT) ? loads.saltedMoved / total : Double.NaN;
        return new GrowthPrediction(config.partitions(), p2, loads.keysMoved, (double) loads.keysMoved / keys.size(),
                loads.fixedMoved / total, randomMoved, after,
                config.client().hashesKeys() ? staleSalts(keys, progress) : null);
    }

    private GrowthPrediction.StaleSalts staleSalts(KeyCounts keys, ProgressListener progress) {
        int p = config.partitions();
        int p2 = config.growTo();
        long hashesPerKey = (long) Math.ceil(p * (Math.log(p) + 1)) + p;
        int limit = (int) Math.max(1, Math.min(STALE_SALT_MAX_KEYS, STALE_SALT_HASH_BUDGET / hashesPerKey));
        // Salts exist only for text keys (a null or binary key has none searched); the hottest of those are checked.
        int[] hottest = java.util.Arrays.stream(keys.hottest(limit))
                .filter(i -> keys.key(i) != null && KeyBytes.utf8OrNull(keys.key(i)) != null).toArray();
        double[] load = new double[p2];
        long checkedRecords = 0;
        int notCovering = 0;
        long saltedMoved = 0;
        long coveredSum = 0;
        for (int h = 0; h < hottest.length; h++) {
            int i = hottest[h];
            long count = keys.count(i);
            checkedRecords += count;
            List<String> salted = ClientSalts.search(KeyBytes.utf8OrNull(keys.key(i)), p, config.client()).saltedKeys();
            boolean[] hit = new boolean[p2];
            int covered = 0;
            for (int intended = 0; intended < p; intended++) {
                int now = config.client().partitionFor(salted.get(intended), p2);
                if (now != intended) {
                    saltedMoved++;
                }
                if (!hit[now]) {
                    hit[now] = true;
                    covered++;
                }
                load[now] += (double) count / p;
            }
            coveredSum += covered;
            if (covered < p2) {
                notCovering++;
            }
            progress.progress("stale salts", h + 1, hottest.length);
        }
        return new GrowthPrediction.StaleSalts(hottest.length, (double) checkedRecords / keys.totalRecords(),
                notCovering, (long) hottest.length * p, saltedMoved, (double) coveredSum / hottest.length,
                LoadSummary.of(load));
    }

    /** Per-chunk accumulators; merged pairwise. */
    private static final class Loads {
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

        Loads(WhatIfConfig config, long totalRecords) {
            fixed = new double[config.partitions()];
            cold = new double[config.partitions()];
            cold2 = new double[config.grows() ? config.growTo() : 0];
            hotCount = config.adaptiveThreshold() * totalRecords;
            underThresholdFloor = Math.max(1, AdaptiveWarning.TIMES_FAIR_SHARE * totalRecords / config.partitions());
            randomSalt = config.strategies().contains(Strategy.RANDOM_SALT);
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

        Loads merge(Loads other) {
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
    }

    /** A per-key seed (SplitMix64 finalizer of seed and key index), independent of how keys are chunked. */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
