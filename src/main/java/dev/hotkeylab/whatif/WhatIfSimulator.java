package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.LoadModel;
import dev.hotkeylab.keys.StrategyType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Predicts, without a broker, how a key population spreads over partitions and consumers under each key strategy, for
 * the partitioner of the chosen client. Pure: same config and keys, same result (the only randomness is seeded).
 *
 * <p>Each strategy is computed by the {@link LoadModel} it declares ({@link ModelLoads} does the arithmetic):
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
        KeyLoads loads = IntStream.range(0, chunks).parallel()
                .mapToObj(chunk -> {
                    int from = (int) ((long) n * chunk / chunks);
                    int to = (int) ((long) n * (chunk + 1) / chunks);
                    KeyLoads local = new KeyLoads(config, keys.totalRecords());
                    for (int i = from; i < to; i++) {
                        local.add(keys, i, config);
                    }
                    progress.progress("keys", done.addAndGet(to - from), n);
                    return local;
                })
                .reduce(KeyLoads::merge)
                .orElseThrow();

        int[] hottest = keys.hottest(1);
        byte[] hottestKey = keys.key(hottest[0]);
        int[] owner = ConsumerAssignment.consumerOfPartition(config.partitions(), config.consumers());
        List<StrategyPrediction> predictions = new ArrayList<>();
        for (StrategyType strategy : config.strategies()) {
            predictions.add(prediction(strategy, ModelLoads.load(strategy.loadModel(), loads.fixed, loads.salted,
                    loads.cold, loads.hot, config.partitions(), keys.totalRecords()), owner));
        }
        String hottestText = hottestKey == null ? null : KeyBytes.utf8OrNull(hottestKey);
        // Salts are searched for text keys under a client that hashes keys; a null or binary hottest key has none.
        SaltCheck saltCheck = uses(m -> m.searchesSalts()) && hottestText != null
                && config.client().hashesKeys() ? saltCheck(hottestText) : null;
        SaltSpread saltSpread = null;
        if (uses(m -> m == LoadModel.SALT_PER_RECORD)) {
            double total = keys.totalRecords();
            saltSpread = new SaltSpread(config.saltBuckets(), config.partitions(), loads.spreadKeys,
                    loads.spreadRecords / total, loads.spreadKeysReachingAll, loads.spreadRecordsReachingAll / total,
                    loads.spreadKeys == 0 ? 0 : (double) loads.spreadPartitionsReached / loads.spreadKeys);
        }
        GrowthPrediction growth = config.grows() ? growth(keys, loads, progress) : null;
        AdaptiveWarning adaptiveWarning = uses(m -> m == LoadModel.HOT_KEYS_SPREAD)
                ? AdaptiveWarning.of(keys, loads.underThreshold, config) : null;
        return new WhatIfResult(config, config.client().rule(), keys.description(), n, keys.totalRecords(),
                KeyBytes.label(hottestKey), keys.count(hottest[0]), predictions, saltSpread, saltCheck, growth,
                adaptiveWarning);
    }

    private StrategyPrediction prediction(StrategyType strategy, double[] partitionLoad, int[] owner) {
        double[] consumerLoad = ConsumerAssignment.consumerLoad(partitionLoad, owner, config.consumers());
        return new StrategyPrediction(strategy, ModelLoads.describe(strategy.loadModel(), config), partitionLoad,
                LoadSummary.of(partitionLoad), consumerLoad, LoadSummary.of(consumerLoad));
    }

    /** Whether any strategy asked for predicts its load with a model that {@code test} accepts. */
    private boolean uses(java.util.function.Predicate<LoadModel> test) {
        return config.strategies().stream().map(StrategyType::loadModel).anyMatch(test);
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

    private GrowthPrediction growth(KeyCounts keys, KeyLoads loads, ProgressListener progress) {
        int p2 = config.growTo();
        WhatIfConfig grown = new WhatIfConfig(p2, config.consumers(), config.strategies(), config.saltBuckets(),
                config.client(), 0, config.seed(), config.adaptiveThreshold());
        int[] owner = ConsumerAssignment.consumerOfPartition(p2, config.consumers());
        List<StrategyPrediction> after = new ArrayList<>();
        WhatIfSimulator grownSimulator = new WhatIfSimulator(grown);
        for (StrategyType strategy : config.strategies()) {
            after.add(grownSimulator.prediction(strategy, ModelLoads.load(strategy.loadModel(), loads.fixed2,
                    loads.salted2, loads.cold2, loads.hot, p2, keys.totalRecords()), owner));
        }
        double total = keys.totalRecords();
        double randomMoved = uses(m -> m == LoadModel.SALT_PER_RECORD) ? loads.saltedMoved / total : Double.NaN;
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
}
