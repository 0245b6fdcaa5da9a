package dev.hotkeylab.report;

import dev.hotkeylab.chart.ChartRenderer;
import dev.hotkeylab.chart.Palette;
import dev.hotkeylab.experiment.ConsumerStats;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingPoint;
import dev.hotkeylab.experiment.ScalingResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts as XChart objects, one method per picture of the {@link Charts} plan: which numbers become which
 * series. Drawing style and PNG encoding are {@link ChartRenderer}'s, colours {@link Palette}'s.
 */
final class ReportCharts {

    private ReportCharts() {
    }

    static CategoryChart perPartition(List<ExperimentResult> results, List<String> labels) {
        int partitions = results.stream().mapToInt(r -> r.setup().partitions()).max().orElse(1);
        CategoryChart chart = ChartRenderer.category("Records per partition, by key strategy", "partition", "records");
        List<String> x = IntStream.range(0, partitions).mapToObj(p -> "partition " + p).toList();
        for (int i = 0; i < results.size(); i++) {
            ExperimentResult r = results.get(i);
            List<Long> y = IntStream.range(0, partitions)
                    .mapToObj(p -> p < r.distribution().perPartition().size() ? r.distribution().perPartition().get(p) : 0L).toList();
            chart.addSeries(labels.get(i), x, y).setFillColor(Palette.forRun(r.setup().strategy(), labels.get(i), i));
        }
        chart.getStyler().setLabelsVisible(partitions <= 12 && results.size() <= 4);
        return chart;
    }

    static CategoryChart perConsumer(List<ExperimentResult> results, List<String> labels) {
        // The runner names consumers <group>-c<i>; groups differ per run, so consumers are matched by c<i>.
        java.util.TreeSet<String> consumers = new java.util.TreeSet<>(
                java.util.Comparator.comparingInt(ConsumerNames::index).thenComparing(java.util.Comparator.naturalOrder()));
        results.forEach(r -> r.spread().perConsumer().keySet().forEach(id -> consumers.add(ConsumerNames.shortName(id))));
        CategoryChart chart = ChartRenderer.category("Records processed per consumer, by key strategy",
                "consumer of the group", "records");
        List<String> x = consumers.stream().map(c -> "consumer " + c).toList();
        for (int i = 0; i < results.size(); i++) {
            ExperimentResult r = results.get(i);
            Map<String, Long> byName = new TreeMap<>();
            r.spread().perConsumer().values().forEach(c -> byName.merge(ConsumerNames.shortName(c.clientId()), c.records(), Long::sum));
            List<Long> y = consumers.stream().map(c -> byName.getOrDefault(c, 0L)).toList();
            chart.addSeries(labels.get(i) + " (" + r.spread().activeConsumers() + " of " + r.setup().consumers() + " active)", x, y)
                    .setFillColor(Palette.forRun(r.setup().strategy(), labels.get(i), i));
        }
        chart.getStyler().setLabelsVisible(consumers.size() <= 12 && results.size() <= 4);
        return chart;
    }

    static CategoryChart latency(List<ExperimentResult> results, List<String> labels) {
        CategoryChart chart = ChartRenderer.category("End-to-end latency (send to processed), by key strategy", "key strategy",
                "latency (ms)");
        List<String> x = labels;
        String[] names = {"p50", "p95", "p99", "max"};
        for (int i = 0; i < names.length; i++) {
            int k = i;
            List<Double> y = results.stream().map(r -> switch (k) {
                case 0 -> r.timing().latency().p50Ms();
                case 1 -> r.timing().latency().p95Ms();
                case 2 -> r.timing().latency().p99Ms();
                default -> r.timing().latency().maxMs();
            }).toList();
            chart.addSeries(names[i], x, y).setFillColor(Palette.LATENCY.get(i));
        }
        chart.getStyler().setLabelsVisible(false);
        return chart;
    }

    static XYChart timeline(ExperimentResult r, String label, double xMax, double yMax) {
        XYChart chart = ChartRenderer.xy(label + ": records per second per consumer (" + r.spread().activeConsumers() + " of "
                + r.setup().consumers() + " active)", "seconds since the first send", "records per second");
        double bucket = ExperimentResult.TIMELINE_BUCKET_MILLIS / 1000.0;
        int i = 0;
        for (ConsumerStats c : ConsumerNames.inOrder(r)) {
            if (c.timeline().isEmpty()) {
                continue;
            }
            double[] xs = new double[c.timeline().size()];
            double[] ys = new double[c.timeline().size()];
            for (int b = 0; b < xs.length; b++) {
                xs[b] = (b + 0.5) * bucket;
                ys[b] = c.timeline().get(b) * perSecond();
            }
            XYSeries s = chart.addSeries("consumer " + ConsumerNames.shortName(c.clientId()) + " (partition"
                    + (c.partitions().size() == 1 ? " " : "s ") + c.partitions() + ", " + c.records() + " records)",
                    xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Palette.series(i++));
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

    static XYChart inventory(List<InventoryRun> runs) {
        XYChart chart = ChartRenderer.xy("Confirmed bookings over time, by store and key strategy", "seconds since the first booking",
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
            s.setLineColor(Palette.series(i++));
            s.setLineStyle(new BasicStroke(2f));
        }
        for (int capacity : runs.stream().map(r -> r.summary().capacity()).distinct().sorted().toList()) {
            XYSeries s = chart.addSeries("capacity " + capacity, new double[] {0, Math.max(xMax, 0.001)},
                    new double[] {capacity, capacity});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.DARK_GRAY);
            s.setLineStyle(Palette.dashed());
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

    static XYChart speedup(ScalingResult b) {
        XYChart chart = ChartRenderer.xy(String.format(java.util.Locale.ROOT,
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
        limit.setLineStyle(Palette.dashed());
        limit.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0).setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.0");
        return chart;
    }

    static XYChart benchThroughput(ScalingResult b) {
        XYChart chart = ChartRenderer.xy("Group throughput against N consumers on N partitions", "N (consumers = partitions)",
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
            ToDoubleFunction<ScalingPoint> value) {
        List<ScalingPoint> points = b.ns().stream().map(n -> b.point(n, strategy)).flatMap(Optional::stream).toList();
        if (points.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(strategy, points.stream().mapToDouble(ScalingPoint::n).toArray(),
                points.stream().mapToDouble(value).toArray());
        Color c = Palette.forRun(strategy, strategy, chart.getSeriesMap().size() - 1);
        s.setLineColor(c);
        s.setMarkerColor(c);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineStyle(new BasicStroke(2.5f));
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

    static double perSecond() {
        return 1000.0 / ExperimentResult.TIMELINE_BUCKET_MILLIS;
    }
}
