package dev.hotkeylab.whatif;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hotkeylab.chart.ChartRenderer;
import dev.hotkeylab.chart.Palette;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Renders a what-if run for people (a terminal table), for programs ({@code whatif.json}) and for a glance
 * ({@code whatif.png}: share of records per partition, one series per strategy).
 */
public final class WhatIfOutput {

    /** Above this many partitions the terminal shows a summary instead of every partition's load. */
    static final int PER_PARTITION_ROWS_UP_TO = 12;
    /** Above this many partitions the chart draws lines instead of grouped bars. */
    static final int BARS_UP_TO = 48;
    private static final int LIST_SHOWN = 10;

    private WhatIfOutput() {
    }

    /** The terminal table; {@code result} or {@code coverage} may be null. */
    public static String text(WhatIfResult result, SaltCoverage.Table coverage) {
        return text(result, coverage, null);
    }

    /** The terminal table; any of the three may be null. */
    public static String text(WhatIfResult result, SaltCoverage.Table coverage, ClientComparison comparison) {
        StringBuilder out = new StringBuilder();
        if (result != null) {
            appendResult(out, result);
        }
        if (comparison != null) {
            appendComparison(out, comparison);
        }
        if (coverage != null) {
            appendCoverage(out, coverage);
        }
        return out.toString();
    }

    private static void appendComparison(StringBuilder out, ClientComparison c) {
        out.append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "%s vs %s on %d partitions: %,d of %,d keys split (%.1f %% of records),"
                        + " %,d keys not hashed by one of them (%.1f %% of records); %.1f %% of records not"
                        + " co-partitioned%n", c.first().cliName(), c.second().cliName(), c.partitions(),
                c.keysSplit(), c.keysCompared(), 100.0 * c.recordsSplit() / c.totalRecords(), c.keysUnplaced(),
                100.0 * c.recordsUnplaced() / c.totalRecords(), 100 * c.recordShareNotCoPartitioned()));
        for (ClientComparison.Example e : c.examples()) {
            out.append(String.format(Locale.ROOT, "  %-30s %,12d records: %s -> %s, %s -> %s%n", e.key(), e.records(),
                    c.first().cliName(), where(e.firstPartition()), c.second().cliName(), where(e.secondPartition())));
        }
    }

    private static String where(int partition) {
        return partition == ClientModel.SPREAD ? "spread (not hashed)" : "p" + partition;
    }

    private static void appendResult(StringBuilder out, WhatIfResult r) {
        WhatIfConfig c = r.config();
        out.append(String.format(Locale.ROOT, "whatif: %d partitions, %d consumers, client %s, seed %d%n",
                c.partitions(), c.consumers(), c.client().cliName(), c.seed()));
        out.append("  rule: ").append(r.clientRule()).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "  keys: %s: %,d distinct keys, %,d records; hottest %s = %,d records (%.1f %%)%n",
                r.keys(), r.distinctKeys(), r.totalRecords(), r.hottestKey(), r.hottestKeyCount(),
                100.0 * r.hottestKeyCount() / r.totalRecords()));
        out.append(System.lineSeparator());
        appendPredictions(out, r.predictions(), c.partitions(), c.consumers());
        if (r.saltSpread() != null) {
            SaltSpread s = r.saltSpread();
            out.append(String.format(Locale.ROOT,
                    "RANDOM_SALT on your keys: of the %,d keys with >= B=%d records (%.1f %% of records), %,d reach all %d"
                            + " partitions with key_0..key_%d (%.1f %% of records); on average %.2f of %d%n",
                    s.keysChecked(), s.saltBuckets(), 100 * s.recordShareChecked(), s.keysReachingAll(), s.partitions(),
                    s.saltBuckets() - 1, 100 * s.recordShareReachingAll(), s.meanPartitionsReached(), s.partitions()));
        }
        if (r.saltCheck() != null) {
            SaltCheck s = r.saltCheck();
            out.append(String.format(Locale.ROOT, "partition-aware salts of %s (searched with %s, %,d tries): %s%s%n",
                    s.key(), s.client().cliName(), s.tries(), s.saltedKeys(),
                    c.partitions() > s.saltedKeys().size() ? " ..." : ""));
            out.append("  partitions those salted keys reach when produced by: ")
                    .append(s.partitionsCoveredByClient().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + e.getValue() + "/" + c.partitions())
                            .collect(Collectors.joining(", ")))
                    .append(System.lineSeparator());
        }
        if (r.adaptiveWarning() != null) {
            AdaptiveWarning w = r.adaptiveWarning();
            out.append(String.format(Locale.ROOT, "warning: %,d key(s) carry %.0f times or more a partition's fair share"
                            + " (%.3f %%) yet stay under ADAPTIVE's threshold %s of all records, so ADAPTIVE leaves them"
                            + " where they are; lower --adaptive-threshold to spread them:%n", w.keys(),
                    w.timesFairShare(), 100.0 / c.partitions(), w.threshold()));
            for (AdaptiveWarning.Key k : w.shown()) {
                out.append(String.format(Locale.ROOT, "  %-30s %.2f %% of records = %.0f x fair share, on %s%n", k.key(),
                        100 * k.share(), k.timesFairShare(), where(k.partition())));
            }
        }
        if (r.growth() != null) {
            appendGrowth(out, r.growth(), c.consumers());
        }
    }

    private static void appendPredictions(StringBuilder out, List<StrategyPrediction> predictions, int partitions,
                                          int consumers) {
        out.append(String.format(Locale.ROOT, "%-22s %9s  %-22s %-26s %-26s%n", "strategy", "max/mean",
                "hottest partition", "idle partitions", "idle consumers"));
        for (StrategyPrediction p : predictions) {
            out.append(String.format(Locale.ROOT, "%-22s %9.3f  %-22s %-26s %-26s%n", p.strategy().name(),
                    p.partitions().maxOverMean(),
                    String.format(Locale.ROOT, "p%d (%.1f %%)", p.partitions().hottest(), 100 * p.partitions().hottestShare()),
                    idle(p.partitions(), partitions, "p"), idle(p.consumers(), consumers, "consumer-")));
        }
        if (partitions <= PER_PARTITION_ROWS_UP_TO) {
            out.append("records per partition:").append(System.lineSeparator());
            for (StrategyPrediction p : predictions) {
                out.append(String.format(Locale.ROOT, "  %-22s", p.strategy().name()));
                for (double load : p.partitionLoad()) {
                    out.append(String.format(Locale.ROOT, " %12s", number(load)));
                }
                out.append(System.lineSeparator());
            }
        }
        out.append("how each was computed:").append(System.lineSeparator());
        for (StrategyPrediction p : predictions) {
            out.append(String.format(Locale.ROOT, "  %-22s %s%n", p.strategy().name(), p.model()));
        }
    }

    private static void appendGrowth(StringBuilder out, GrowthPrediction g, int consumers) {
        out.append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "grow %d -> %d partitions:%n", g.fromPartitions(), g.toPartitions()));
        out.append(String.format(Locale.ROOT, "  keys that move: %,d (%.1f %%), records that move: FIXED_KEY %.1f %%%s%n",
                g.keysMoved(), 100 * g.keysMovedShare(), 100 * g.fixedKeyLoadMovedShare(),
                Double.isNaN(g.randomSaltLoadMovedShare()) ? ""
                        : String.format(Locale.ROOT, ", RANDOM_SALT %.1f %%", 100 * g.randomSaltLoadMovedShare())));
        appendPredictions(out, g.after(), g.toPartitions(), consumers);
        GrowthPrediction.StaleSalts s = g.staleSalts();
        if (s == null) {
            return; // a client that places every record at random has no salts to go stale
        }
        out.append(String.format(Locale.ROOT,
                "  partition-aware salts searched for %d partitions, kept at %d (hottest %,d keys, %.1f %% of records):%n",
                g.fromPartitions(), g.toPartitions(), s.keysChecked(), 100 * s.loadShareChecked()));
        out.append(String.format(Locale.ROOT,
                "    %,d of %,d keys no longer cover all %d partitions; %,d of %,d salted keys moved; "
                        + "%.1f partitions reached on average; max/mean %.3f, %d idle partitions -> recompute the salts%n",
                s.keysNoLongerCoveringAll(), s.keysChecked(), g.toPartitions(), s.saltedKeysMoved(),
                s.saltedKeysChecked(), s.meanPartitionsCovered(), s.load().maxOverMean(), s.load().idleCount()));
    }

    private static void appendCoverage(StringBuilder out, SaltCoverage.Table t) {
        out.append(System.lineSeparator());
        out.append(String.format(Locale.ROOT,
                "naive salting coverage: keys whose key_0..key_(B-1) reach every partition (client %s, %,d random keys,"
                        + " seed %d)%n", t.client().cliName(), t.rows().isEmpty() ? 0 : t.rows().get(0).sampleKeys(),
                t.seed()));
        out.append(String.format(Locale.ROOT, "%6s %6s %12s %12s %10s %12s%n", "P", "B", "cover all", "uniform hash",
                "max/mean", "idle parts"));
        for (SaltCoverage.Row row : t.rows()) {
            out.append(String.format(Locale.ROOT, "%6d %6d %11.2f%% %11.2f%% %10.3f %12.2f%n", row.partitions(),
                    row.saltBuckets(), 100 * row.coverAllShare(), 100 * row.theoryCoverAllShare(),
                    row.meanMaxOverMean(), row.meanIdlePartitions()));
        }
    }

    /**
     * The coverage table as Markdown, for the README: the README's table is this output, and a test recomputes it and
     * compares, so the figures there are the ones {@code whatif --coverage} measures.
     */
    public static String coverageMarkdown(SaltCoverage.Table t) {
        StringBuilder out = new StringBuilder();
        out.append("| P | B | keys reaching every partition | uniform hash | max/mean | idle partitions |\n");
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (SaltCoverage.Row row : t.rows()) {
            out.append(String.format(Locale.ROOT, "| %d | %d | %.2f %% | %.2f %% | %.3f | %.2f |%n", row.partitions(),
                    row.saltBuckets(), 100 * row.coverAllShare(), 100 * row.theoryCoverAllShare(),
                    row.meanMaxOverMean(), row.meanIdlePartitions()).replace(System.lineSeparator(), "\n"));
        }
        return out.toString();
    }

    private static String idle(LoadSummary s, int slots, String prefix) {
        if (s.idleCount() == 0) {
            return "0 of " + slots;
        }
        String shown = s.idle().stream().limit(LIST_SHOWN).map(i -> prefix + i).collect(Collectors.joining(","));
        return s.idleCount() + " of " + slots + " [" + shown + (s.idleCount() > LIST_SHOWN ? ",..." : "") + "]";
    }

    private static String number(double value) {
        // Expected loads can be fractional; whole records read better and lose nothing a reader needs.
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** The JSON document: the run (if any), the coverage table (if any) and how long it took. */
    public static Map<String, Object> document(WhatIfResult result, SaltCoverage.Table coverage, long elapsedMillis) {
        return document(result, coverage, null, elapsedMillis);
    }

    /** The JSON document, with the client comparison (if any). */
    public static Map<String, Object> document(WhatIfResult result, SaltCoverage.Table coverage,
                                               ClientComparison comparison, long elapsedMillis) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tool", "hotkey-lab whatif");
        doc.put("elapsedMillis", elapsedMillis);
        doc.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        if (result != null) {
            doc.put("whatif", result);
        }
        if (comparison != null) {
            doc.put("compareClients", comparison);
        }
        if (coverage != null) {
            doc.put("coverage", coverage);
        }
        return doc;
    }

    public static void writeJson(Path file, Map<String, Object> document) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    /** A PNG of the share of records per partition for each strategy (grouped bars up to 48 partitions, else lines). */
    public static void writeChart(Path file, WhatIfResult r) throws IOException {
        int partitions = r.config().partitions();
        String title = String.format(Locale.ROOT, "Predicted share of records per partition (%s, %d partitions, %s)",
                r.keys(), partitions, r.config().client().cliName());
        String xTitle = "partition";
        String yTitle = "share of records (%)";
        if (partitions <= BARS_UP_TO) {
            CategoryChart chart = ChartRenderer.category(title, xTitle, yTitle);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setYAxisDecimalPattern("#,##0.#");
            List<String> xs = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                xs.add("p" + p);
            }
            int i = 0;
            for (StrategyPrediction p : r.predictions()) {
                chart.addSeries(p.strategy().name(), xs, shares(p.partitionLoad(), p.partitions().total()))
                        .setFillColor(Palette.forRun(p.strategy().name(), p.strategy().name(), i++));
            }
            ChartRenderer.write(chart, file);
        } else {
            XYChart chart = ChartRenderer.xy(title, xTitle, yTitle);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            chart.getStyler().setMarkerSize(0);
            List<Integer> xs = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                xs.add(p);
            }
            int i = 0;
            for (StrategyPrediction p : r.predictions()) {
                chart.addSeries(p.strategy().name(), xs, shares(p.partitionLoad(), p.partitions().total()))
                        .setLineColor(Palette.forRun(p.strategy().name(), p.strategy().name(), i++));
            }
            ChartRenderer.write(chart, file);
        }
    }

    private static List<Double> shares(double[] load, double total) {
        List<Double> shares = new ArrayList<>(load.length);
        for (double l : load) {
            shares.add(total == 0 ? 0 : 100 * l / total);
        }
        return shares;
    }
}
