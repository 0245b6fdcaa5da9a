package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ConsumerStats;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingPoint;
import dev.hotkeylab.experiment.ScalingResult;
import dev.hotkeylab.keys.Strategies;
import dev.hotkeylab.keys.StrategyType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's pictures as PNG files under {@code charts/}, drawn with XChart in headless mode (no display needed,
 * so CI can draw them): the seed's two pictures with measured numbers (records per partition, records per consumer),
 * latency percentiles, each consumer's throughput over time, and, when the scaling benchmark ran, speed-up and
 * throughput against N. {@link #plan} is the single list of charts; the HTML and Markdown reports link what it lists.
 */
public final class Charts implements ReportWriter.Part {

    /** Folder of the PNGs inside the report folder. */
    public static final String FOLDER = "charts";

    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    private static final Color[] PALETTE = {
        new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E), new Color(0x2C, 0xA0, 0x2C),
        new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B),
        new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F), new Color(0xBC, 0xBD, 0x22),
        new Color(0x17, 0xBE, 0xCF)};

    /** Which part of the report a chart illustrates. */
    public enum Topic { DISTRIBUTION, TIME, INVENTORY, BENCH }

    /** One chart of the report: its file under {@link #FOLDER}, a title and a sentence on how to read it. */
    public record Spec(Topic topic, String file, String title, String caption) {

        /** The path relative to the report folder, for links. */
        public String href() {
            return FOLDER + "/" + file;
        }
    }

    private record Planned(Spec spec, Supplier<Chart<?, ?>> draw) {
    }

    static {
        // XChart draws on an in-memory image; headless keeps AWT from looking for a display (CI, SSH, containers).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The charts a report gets, in reading order. */
    public static List<Spec> plan(RunReport report) {
        return planned(report).stream().map(Planned::spec).toList();
    }

    @Override
    public void write(RunReport report, Path folder) throws IOException {
        List<Planned> planned = planned(report);
        if (planned.isEmpty()) {
            return;
        }
        Path dir = Files.createDirectories(folder.resolve(FOLDER));
        for (Planned p : planned) {
            Chart<?, ?> chart = p.draw().get();
            fitLegend(chart);
            Files.write(dir.resolve(p.spec().file()), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        }
    }

    private static List<Planned> planned(RunReport report) {
        List<Planned> out = new ArrayList<>();
        List<ExperimentResult> results = report.experiments();
        List<String> labels = ReportSections.labels(report);
        if (!results.isEmpty()) {
            out.add(new Planned(new Spec(Topic.DISTRIBUTION, "partitions.png", "Records per partition",
                    "Where each strategy's requests landed. One tall bar is the hot key; equal bars are an even spread."),
                    () -> perPartition(results, labels)));
            out.add(new Planned(new Spec(Topic.DISTRIBUTION, "consumers.png", "Records per consumer",
                    "How much each consumer of the group processed. A consumer with no bar sat idle."),
                    () -> perConsumer(results, labels)));
            out.add(new Planned(new Spec(Topic.TIME, "latency.png", "Latency percentiles",
                    "Time from send to processed. With every request sent at once, a consumer's backlog is the "
                            + "latency: the fewer consumers share the work, the longer the tail."),
                    () -> latency(results, labels)));
            double yMax = results.stream().flatMap(r -> r.perConsumer().values().stream())
                    .flatMap(c -> c.timeline().stream()).mapToLong(Long::longValue).max().orElse(0) * perSecond();
            double xMax = results.stream().flatMap(r -> r.perConsumer().values().stream())
                    .mapToInt(c -> c.timeline().size()).max().orElse(0)
                    * (ExperimentResult.TIMELINE_BUCKET_MILLIS / 1000.0);
            Set<String> files = new HashSet<>();
            for (int i = 0; i < results.size(); i++) {
                ExperimentResult r = results.get(i);
                String label = labels.get(i);
                String file = uniqueFile(files, "timeline-" + label.replace(" + ", "-").replaceAll("[^A-Za-z0-9_-]", "_"));
                out.add(new Planned(new Spec(Topic.TIME, file, label + ": throughput per consumer over time",
                        "Records per second of each consumer in " + ExperimentResult.TIMELINE_BUCKET_MILLIS
                                + " ms buckets, from the first send to the last record. Same scales for every "
                                + "strategy, so a shorter line is a faster drain."),
                        () -> timeline(r, label, xMax, yMax)));
            }
        }
        List<InventoryRun> inventory = ReportSections.inventory(report);
        if (inventory.stream().anyMatch(r -> !r.confirmedOverTime().isEmpty())) {
            out.add(new Planned(new Spec(Topic.INVENTORY, "inventory.png", "Seats sold over time",
                    "Confirmed bookings per store and strategy against the capacity (dashed). A line above the "
                            + "capacity is seats sold that do not exist."),
                    () -> inventory(inventory)));
        }
        Optional<ScalingResult> bench = ReportSections.bench(report);
        if (bench.isPresent() && !bench.get().points().isEmpty()) {
            ScalingResult b = bench.get();
            out.add(new Planned(new Spec(Topic.BENCH, "speedup.png", "Speed-up over FIXED_KEY against N",
                    "Salted throughput divided by the fixed key's, with N consumers on N partitions. The dashed line "
                            + "is the linear limit N: every consumer as busy as the fixed key's single one."),
                    () -> speedup(b)));
            out.add(new Planned(new Spec(Topic.BENCH, "bench-throughput.png", "Throughput against N",
                    "Records per second of the whole group. The fixed key stays flat: one partition, one consumer."),
                    () -> benchThroughput(b)));
        }
        return out;
    }

    /**
     * The records-per-partition chart of {@code results} (one series per run, named by {@code labels}) as PNG bytes,
     * the same picture as the report's {@code partitions.png}; for pages other than the run report (the findings the
     * tests write).
     */
    public static byte[] perPartitionPng(List<ExperimentResult> results, List<String> labels) {
        Chart<?, ?> chart = perPartition(results, labels);
        fitLegend(chart);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A one-row legend wider than the chart would be cut off: long legends become a column under the plot. */
    private static void fitLegend(Chart<?, ?> chart) {
        int chars = chart.getSeriesMap().keySet().stream().mapToInt(n -> n.length() + 8).sum();
        if (chars * 7 > WIDTH - 40) {
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
    }

    private static String uniqueFile(Set<String> taken, String base) {
        String name = base + ".png";
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i + ".png";
        }
        return name;
    }

    private static CategoryChart perPartition(List<ExperimentResult> results, List<String> labels) {
        int partitions = results.stream().mapToInt(ExperimentResult::partitions).max().orElse(1);
        CategoryChart chart = category("Records per partition, by key strategy", "partition", "records");
        List<String> x = IntStream.range(0, partitions).mapToObj(p -> "partition " + p).toList();
        for (int i = 0; i < results.size(); i++) {
            ExperimentResult r = results.get(i);
            List<Long> y = IntStream.range(0, partitions)
                    .mapToObj(p -> p < r.perPartition().size() ? r.perPartition().get(p) : 0L).toList();
            chart.addSeries(labels.get(i), x, y).setFillColor(color(r.strategy(), labels.get(i), i));
        }
        chart.getStyler().setLabelsVisible(partitions <= 12 && results.size() <= 4);
        return chart;
    }

    private static CategoryChart perConsumer(List<ExperimentResult> results, List<String> labels) {
        // The runner names consumers <group>-c<i>; groups differ per run, so consumers are matched by c<i>.
        java.util.TreeSet<String> consumers = new java.util.TreeSet<>(
                java.util.Comparator.comparingInt(Charts::index).thenComparing(java.util.Comparator.naturalOrder()));
        results.forEach(r -> r.perConsumer().keySet().forEach(id -> consumers.add(shortConsumer(id))));
        CategoryChart chart = category("Records processed per consumer, by key strategy",
                "consumer of the group", "records");
        List<String> x = consumers.stream().map(c -> "consumer " + c).toList();
        for (int i = 0; i < results.size(); i++) {
            ExperimentResult r = results.get(i);
            Map<String, Long> byName = new TreeMap<>();
            r.perConsumer().values().forEach(c -> byName.merge(shortConsumer(c.clientId()), c.records(), Long::sum));
            List<Long> y = consumers.stream().map(c -> byName.getOrDefault(c, 0L)).toList();
            chart.addSeries(labels.get(i) + " (" + r.activeConsumers() + " of " + r.consumers() + " active)", x, y)
                    .setFillColor(color(r.strategy(), labels.get(i), i));
        }
        chart.getStyler().setLabelsVisible(consumers.size() <= 12 && results.size() <= 4);
        return chart;
    }

    private static CategoryChart latency(List<ExperimentResult> results, List<String> labels) {
        CategoryChart chart = category("End-to-end latency (send to processed), by key strategy", "key strategy",
                "latency (ms)");
        List<String> x = labels;
        Color[] shades = {new Color(0x9E, 0xCA, 0xE1), new Color(0x42, 0x92, 0xC6), new Color(0x08, 0x51, 0x9C),
            new Color(0x08, 0x30, 0x6B)};
        String[] names = {"p50", "p95", "p99", "max"};
        for (int i = 0; i < names.length; i++) {
            int k = i;
            List<Double> y = results.stream().map(r -> switch (k) {
                case 0 -> r.latency().p50Ms();
                case 1 -> r.latency().p95Ms();
                case 2 -> r.latency().p99Ms();
                default -> r.latency().maxMs();
            }).toList();
            chart.addSeries(names[i], x, y).setFillColor(shades[i]);
        }
        chart.getStyler().setLabelsVisible(false);
        return chart;
    }

    private static XYChart timeline(ExperimentResult r, String label, double xMax, double yMax) {
        XYChart chart = xy(label + ": records per second per consumer (" + r.activeConsumers() + " of "
                + r.consumers() + " active)", "seconds since the first send", "records per second");
        double bucket = ExperimentResult.TIMELINE_BUCKET_MILLIS / 1000.0;
        int i = 0;
        for (ConsumerStats c : consumersInOrder(r)) {
            if (c.timeline().isEmpty()) {
                continue;
            }
            double[] xs = new double[c.timeline().size()];
            double[] ys = new double[c.timeline().size()];
            for (int b = 0; b < xs.length; b++) {
                xs[b] = (b + 0.5) * bucket;
                ys[b] = c.timeline().get(b) * perSecond();
            }
            XYSeries s = chart.addSeries("consumer " + shortConsumer(c.clientId()) + " (partition"
                    + (c.partitions().size() == 1 ? " " : "s ") + c.partitions() + ", " + c.records() + " records)",
                    xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(PALETTE[i++ % PALETTE.length]);
        }
        if (yMax > 0) {
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(yMax * 1.05);
        }
        chart.getStyler().setXAxisMin(0.0);
        if (xMax > 0) {
            chart.getStyler().setXAxisMax(xMax);
        }
        return chart;
    }

    private static XYChart inventory(List<InventoryRun> runs) {
        XYChart chart = xy("Confirmed bookings over time, by store and key strategy", "seconds since the first booking",
                "seats sold");
        double xMax = 0;
        Set<String> names = new HashSet<>();
        int i = 0;
        for (InventoryRun r : runs) {
            if (r.confirmedOverTime().isEmpty()) {
                continue;
            }
            double[] xs = r.confirmedOverTime().stream().mapToDouble(p -> p.elapsedMillis() / 1000.0).toArray();
            double[] ys = r.confirmedOverTime().stream().mapToDouble(p -> p.confirmed()).toArray();
            xMax = Math.max(xMax, xs[xs.length - 1]);
            String base = r.summary().store() + " / " + r.strategy() + " (sold " + r.summary().sold() + ")";
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base + " #" + n;
            }
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(PALETTE[i++ % PALETTE.length]);
            s.setLineStyle(new BasicStroke(2f));
        }
        for (int capacity : runs.stream().map(r -> r.summary().capacity()).distinct().sorted().toList()) {
            XYSeries s = chart.addSeries("capacity " + capacity, new double[] {0, Math.max(xMax, 0.001)},
                    new double[] {capacity, capacity});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.DARK_GRAY);
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {8f, 6f}, 0f));
        }
        chart.getStyler().setYAxisMin(0.0).setXAxisMin(0.0);
        // Seat counts are consecutive integers, and XChart then ticks every few of them; label round values only.
        double top = runs.stream().mapToDouble(r -> Math.max(r.summary().sold(), r.summary().capacity())).max()
                .orElse(1);
        double step = niceStep(top / 6);
        chart.setCustomYAxisTickLabelsFormatter(v -> Math.abs(v / step - Math.rint(v / step)) < 1e-9
                ? String.format(java.util.Locale.ROOT, "%,.0f", v) : "");
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        return chart;
    }

    private static XYChart speedup(ScalingResult b) {
        XYChart chart = xy(String.format(java.util.Locale.ROOT,
                "Speed-up over %s, N consumers on N partitions (%d requests per partition, %.1f ms each)",
                b.baseline(), b.messagesPerPartition(), b.serviceTimeMillis()), "N (consumers = partitions)",
                "throughput / " + b.baseline() + " throughput");
        for (String s : b.strategies()) {
            addBenchSeries(chart, b, s, ScalingPoint::speedupVsFixed);
        }
        // Drawn last so it stays visible where a strategy reaches it.
        double[] ns = b.ns().stream().mapToDouble(Integer::doubleValue).toArray();
        XYSeries limit = chart.addSeries("linear limit (N)", ns, ns.clone());
        limit.setLineColor(Color.DARK_GRAY);
        limit.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {8f, 6f}, 0f));
        limit.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0).setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.0");
        return chart;
    }

    private static XYChart benchThroughput(ScalingResult b) {
        XYChart chart = xy("Group throughput against N consumers on N partitions", "N (consumers = partitions)",
                "records per second");
        addBenchSeries(chart, b, b.baseline(), ScalingPoint::throughputPerSecond);
        for (String s : b.strategies()) {
            addBenchSeries(chart, b, s, ScalingPoint::throughputPerSecond);
        }
        chart.getStyler().setYAxisMin(0.0).setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0").setYAxisDecimalPattern("0");
        return chart;
    }

    private static void addBenchSeries(XYChart chart, ScalingResult b, String strategy,
            java.util.function.ToDoubleFunction<ScalingPoint> value) {
        List<ScalingPoint> points = b.ns().stream().map(n -> b.point(n, strategy)).flatMap(Optional::stream).toList();
        if (points.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(strategy, points.stream().mapToDouble(ScalingPoint::n).toArray(),
                points.stream().mapToDouble(value).toArray());
        Color c = color(strategy, strategy, chart.getSeriesMap().size() - 1);
        s.setLineColor(c);
        s.setMarkerColor(c);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineStyle(new BasicStroke(2.5f));
    }

    private static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setAvailableSpaceFill(0.8).setOverlapped(false);
        chart.getStyler().setLabelsFontColor(Color.DARK_GRAY).setLabelsFontColorAutomaticEnabled(false)
                .setLabelsPosition(1.0).setLabelsRotation(0);
        chart.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("#,##0");
        return chart;
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    private static void style(AxesChartStyler s) {
        s.setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
                .setPlotBorderColor(Color.LIGHT_GRAY).setLegendBorderColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xE5, 0xE5, 0xE5));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setSeriesColors(PALETTE);
    }

    /**
     * The strategy's own colour ({@link StrategyType#colour()}) for its first run; other runs (another store, an
     * unknown strategy) by position.
     */
    static Color color(String strategy, String label, int index) {
        Optional<StrategyType> own = Strategies.find(strategy);
        return own.isPresent() && label.equals(strategy) ? Color.decode(own.get().colour())
                : PALETTE[index % PALETTE.length];
    }

    /** 1, 2, 5, 10, 20, 50, ... : the smallest round step at least {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double perSecond() {
        return 1000.0 / ExperimentResult.TIMELINE_BUCKET_MILLIS;
    }

    /** {@code hotkey-...-group-c2} -> {@code c2}: the runner names consumers {@code <group>-c<i>}. */
    static String shortConsumer(String clientId) {
        int dash = clientId.lastIndexOf('-');
        return dash >= 0 && dash < clientId.length() - 1 ? clientId.substring(dash + 1) : clientId;
    }

    /** The group's consumers as c0, c1, ... (results.json does not keep the map's order). */
    static List<ConsumerStats> consumersInOrder(ExperimentResult r) {
        return r.perConsumer().values().stream().sorted(java.util.Comparator
                .comparingInt((ConsumerStats c) -> index(shortConsumer(c.clientId())))
                .thenComparing(ConsumerStats::clientId)).toList();
    }

    /** {@code c2} -> 2; names that are not {@code c<i>} sort after all that are. */
    private static int index(String shortName) {
        try {
            return Integer.parseInt(shortName.startsWith("c") ? shortName.substring(1) : shortName);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
