package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ScalingPoint;
import dev.hotkeylab.experiment.ScalingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scaling benchmark as a table: per N, the fixed key's throughput, each salted strategy's, the speed-up
 * salted/fixed and the linear limit N that the speed-up cannot pass (N consumers, each as fast as the fixed key's one),
 * and the highest 1-minute load average seen at the end of that N's runs (above the core count, the machine was busy
 * with other work and the service time's sleeps ran long).
 */
public final class BenchTable {

    private BenchTable() {
    }

    public static TextTable of(ScalingResult bench) {
        List<String> header = new ArrayList<>();
        header.add("N");
        header.add("requests");
        header.add(bench.baseline() + " rec/s");
        bench.strategies().forEach(s -> header.add(s + " rec/s"));
        bench.strategies().forEach(s -> header.add("speed-up " + s));
        header.add("linear limit");
        header.add("load avg");
        List<List<String>> rows = new ArrayList<>();
        for (int n : bench.ns()) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(n));
            row.add(bench.point(n, bench.baseline()).map(p -> String.valueOf(p.messages())).orElse("-"));
            row.add(throughput(bench, n, bench.baseline()));
            bench.strategies().forEach(s -> row.add(throughput(bench, n, s)));
            bench.strategies().forEach(s -> row.add(bench.speedup(n, s)
                    .map(x -> String.format(Locale.ROOT, "%.2fx", x)).orElse("-")));
            row.add(n + "x");
            row.add(bench.points().stream().filter(p -> p.n() == n).mapToDouble(ScalingPoint::systemLoadAverage)
                    .filter(l -> l >= 0).max().stream().mapToObj(l -> String.format(Locale.ROOT, "%.1f", l))
                    .findFirst().orElse("-"));
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    /**
     * Each salted strategy's speed-up next to what its spread allows: N consumers finish when the fullest partition
     * does, so the bound is N / (max/mean) of the records per partition (N for an exact spread).
     */
    public static TextTable bounds(ScalingResult bench) {
        List<String> header = new ArrayList<>();
        header.add("N");
        bench.strategies().forEach(s -> header.add(s + ": speed-up / N÷(max/mean)"));
        List<List<String>> rows = new ArrayList<>();
        for (int n : bench.ns()) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(n));
            bench.strategies().forEach(s -> row.add(bench.point(n, s).map(p -> String.format(Locale.ROOT,
                    "%.2fx / %.2fx", p.speedupVsFixed(), p.maxOverMean() > 0 ? n / p.maxOverMean() : 0.0))
                    .orElse("-")));
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    private static String throughput(ScalingResult bench, int n, String strategy) {
        return bench.point(n, strategy).map(ScalingPoint::throughputPerSecond)
                .map(t -> String.format(Locale.ROOT, "%.0f", t)).orElse("-");
    }
}
