package dev.hotkeylab.report;

import dev.hotkeylab.experiment.AdaptiveSummary;
import dev.hotkeylab.experiment.BrokerTraffic;
import dev.hotkeylab.experiment.ConsumerStats;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingPoint;
import dev.hotkeylab.experiment.ScalingResult;
import dev.hotkeylab.experiment.ShareSummary;
import dev.hotkeylab.inventory.InventorySummary;
import dev.hotkeylab.inventory.ReservationLog;
import dev.hotkeylab.metrics.LatencyStats;
import dev.hotkeylab.metrics.Skew;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Results made up for renderer and verdict tests: no broker, every number chosen by the test. */
final class Synthetic {

    static final String KEY = "SUPER_STAR_CONCERT_2026";

    private Synthetic() {
    }

    /**
     * One run where consumer i owned partition i and processed what landed there.
     *
     * @param perPartition records per partition
     * @param throughput   records per second of the group
     */
    static ExperimentResult result(String strategy, String key, List<Long> perPartition, Map<String, Integer> keys,
            double throughput, long concertViolations, long userViolations) {
        int partitions = perPartition.size();
        long total = perPartition.stream().mapToLong(Long::longValue).sum();
        Skew skew = Skew.of(perPartition.stream().mapToLong(Long::longValue).toArray());
        String group = "hotkey-" + strategy.toLowerCase().replace('_', '-') + "-0000-group";
        Map<String, ConsumerStats> consumers = new LinkedHashMap<>();
        int active = 0;
        for (int i = 0; i < partitions; i++) {
            long records = perPartition.get(i);
            active += records > 0 ? 1 : 0;
            List<Long> timeline = new ArrayList<>();
            for (long left = records; left > 0; left -= Math.min(left, 45)) {
                timeline.add(Math.min(left, 45));
            }
            consumers.put(group + "-c" + i, new ConsumerStats(group + "-c" + i, List.of(i), records,
                    records / Math.max(total / throughput, 0.001), timeline));
        }
        long drainMillis = (long) (total / throughput * 1000);
        return new ExperimentResult(
                new ExperimentResult.Setup(strategy, strategy + " description", key, partitions, (int) total,
                        partitions, partitions, 42, 100, 5.0, "topic-" + strategy, group),
                new ExperimentResult.Distribution(perPartition, perPartition, perPartition, 0, keys.size(), keys),
                new ExperimentResult.Spread(consumers, active, skew.idlePartitions(), skew.maxOverMean(),
                        skew.coefficientOfVariation()),
                new ExperimentResult.Timing(drainMillis, throughput, new LatencyStats(total, drainMillis / 2.0,
                        drainMillis * 0.95, drainMillis * 0.99, drainMillis, drainMillis / 2.0)),
                new ExperimentResult.Ordering(concertViolations, userViolations),
                new ExperimentResult.Consumption(total, 0, 650, 0, List.of()),
                new ExperimentResult.LeaderLoad(Map.of(1, total), Map.of(1, total * 150)),
                Map.of(), AdaptiveSummary.NONE, ShareSummary.CLASSIC,
                BrokerTraffic.NONE);
    }

    /** The seed's run as the Java client measures it: FIXED_KEY on partition 2, RANDOM_SALT leaving partition 0 empty. */
    static List<ExperimentResult> javaClientRun(String key) {
        return List.of(
                result("FIXED_KEY", key, List.of(0L, 0L, 1000L), Map.of(key, 2), 175, 0, 0),
                result("RANDOM_SALT", key, List.of(0L, 342L, 658L),
                        Map.of(key + "_0", 2, key + "_1", 1, key + "_2", 2), 283, 658, 345),
                result("PARTITION_AWARE_SALT", key, List.of(334L, 333L, 333L),
                        Map.of(key + "_1", 1, key + "_2", 2, key + "_5", 0), 544, 587, 8),
                result("ENTITY_SALT", key, List.of(379L, 274L, 347L),
                        Map.of(key + "_1", 1, key + "_2", 2, key + "_5", 0), 484, 713, 0));
    }

    static ScalingPoint point(int n, String strategy, double throughput, double fixedThroughput) {
        int messages = 600 * n;
        return new ScalingPoint(n, strategy, messages, (long) (messages / throughput * 1000), throughput,
                throughput / fixedThroughput, strategy.equals("FIXED_KEY") ? 1 : n,
                IntStream.range(0, n).mapToObj(p -> 600L).toList(), 1.0, 100, 0, 650, 1.5);
    }

    /** A benchmark at N = 1, 2, 3, 6 where PARTITION_AWARE_SALT reaches {@code awareAtThree} x at N = 3. */
    static ScalingResult bench(double awareAtThree) {
        List<ScalingPoint> points = new ArrayList<>();
        for (int n : List.of(1, 2, 3, 6)) {
            double fixed = 190;
            points.add(point(n, "FIXED_KEY", fixed, fixed));
            double aware = n == 3 ? awareAtThree * fixed : n * fixed * 0.98;
            points.add(point(n, "PARTITION_AWARE_SALT", aware, fixed));
            points.add(point(n, "RANDOM_SALT", Math.min(n, 2) * fixed * 0.95, fixed));
        }
        return new ScalingResult("embedded", "4.3.1", "2026-01-01T00:00:00Z", "./hotkey-lab bench", KEY, 42, 100, 600,
                5.0, 50, "FIXED_KEY", List.of("PARTITION_AWARE_SALT", "RANDOM_SALT"), List.of(1, 2, 3, 6), points,
                1500, 90_000);
    }

    /** Two stores per strategy: naive-redis oversells, redis-lua sells exactly the capacity of 500. */
    static List<InventoryRun> inventoryRuns(List<ExperimentResult> results) {
        List<InventoryRun> runs = new ArrayList<>();
        for (ExperimentResult r : results) {
            for (String store : List.of("naive-redis", "redis-lua")) {
                long sold = store.equals("naive-redis") && !r.setup().strategy().equals("FIXED_KEY") ? 530 : 500;
                List<ReservationLog.Point> points = new ArrayList<>();
                for (int i = 0; i <= 10; i++) {
                    points.add(new ReservationLog.Point(i * 100.0, sold * i / 10));
                }
                runs.add(new InventoryRun(r.setup().strategy(), r.setup().consumers(), 0, new InventorySummary(store, 500, sold,
                        Math.max(0, sold - 500), 0, r.setup().messages() - sold, r.setup().messages(), 900), points));
            }
        }
        return runs;
    }

    /** Each result twice, as {@code run --inventory naive-redis,redis-lua} makes them, with the inventory section. */
    static RunReport inventoryReport() {
        List<ExperimentResult> results = new ArrayList<>();
        for (ExperimentResult r : javaClientRun(KEY)) {
            results.add(r);
            results.add(r);
        }
        return report(results, Map.of(ReportSections.INVENTORY, inventoryRuns(javaClientRun(KEY))));
    }

    static RunReport report(List<ExperimentResult> results, Map<String, Object> sections) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", 2);
        machine.put("java", "17");
        machine.put("os", "Linux amd64");
        return new RunReport("embedded", "4.3.1", 42, "2026-01-01T00:00:00Z",
                "./hotkey-lab run --no-serve --seed 42", machine, results, sections);
    }
}
