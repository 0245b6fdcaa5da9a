package dev.hotkeylab.report;

import dev.hotkeylab.chart.ChartRenderer;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The report's chart plan and its PNG files under {@code charts/}: which pictures a report gets, in reading order, with
 * a title and a caption each ({@link #plan}); {@link ReportCharts} turns the numbers into series, {@link ChartRenderer}
 * draws and encodes them (headless, so CI can draw them). The pictures: the seed's two with measured numbers (records
 * per partition, records per consumer), latency percentiles, each consumer's throughput over time, and, when the
 * scaling benchmark ran, speed-up and throughput against N. {@link #plan} is the single list of charts; the HTML and
 * Markdown reports link what it lists.
 */
public final class Charts implements ReportWriter.Part {

    /** Folder of the PNGs inside the report folder. */
    public static final String FOLDER = "charts";

    static final int WIDTH = ChartRenderer.WIDTH;
    static final int HEIGHT = ChartRenderer.HEIGHT;

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
            ChartRenderer.write(p.draw().get(), dir.resolve(p.spec().file()));
        }
    }

    private static List<Planned> planned(RunReport report) {
        List<Planned> out = new ArrayList<>();
        List<ExperimentResult> results = report.experiments();
        List<String> labels = ReportSections.labels(report);
        if (!results.isEmpty()) {
            out.add(new Planned(new Spec(Topic.DISTRIBUTION, "partitions.png", "Records per partition",
                    "Where each strategy's requests landed. One tall bar is the hot key; equal bars are an even spread."),
                    () -> ReportCharts.perPartition(results, labels)));
            out.add(new Planned(new Spec(Topic.DISTRIBUTION, "consumers.png", "Records per consumer",
                    "How much each consumer of the group processed. A consumer with no bar sat idle."),
                    () -> ReportCharts.perConsumer(results, labels)));
            out.add(new Planned(new Spec(Topic.TIME, "latency.png", "Latency percentiles",
                    "Time from send to processed. With every request sent at once, a consumer's backlog is the "
                            + "latency: the fewer consumers share the work, the longer the tail."),
                    () -> ReportCharts.latency(results, labels)));
            double yMax = results.stream().flatMap(r -> r.spread().perConsumer().values().stream())
                    .flatMap(c -> c.timeline().stream()).mapToLong(Long::longValue).max().orElse(0)
                    * ReportCharts.perSecond();
            double xMax = results.stream().flatMap(r -> r.spread().perConsumer().values().stream())
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
                        () -> ReportCharts.timeline(r, label, xMax, yMax)));
            }
        }
        List<InventoryRun> inventory = ReportSections.inventory(report);
        if (inventory.stream().anyMatch(r -> !r.confirmedOverTime().isEmpty())) {
            out.add(new Planned(new Spec(Topic.INVENTORY, "inventory.png", "Seats sold over time",
                    "Confirmed bookings per store and strategy against the capacity (dashed). A line above the "
                            + "capacity is seats sold that do not exist."),
                    () -> ReportCharts.inventory(inventory)));
        }
        Optional<ScalingResult> bench = ReportSections.bench(report);
        if (bench.isPresent() && !bench.get().points().isEmpty()) {
            ScalingResult b = bench.get();
            out.add(new Planned(new Spec(Topic.BENCH, "speedup.png", "Speed-up over FIXED_KEY against N",
                    "Salted throughput divided by the fixed key's, with N consumers on N partitions. The dashed line "
                            + "is the linear limit N: every consumer as busy as the fixed key's single one."),
                    () -> ReportCharts.speedup(b)));
            out.add(new Planned(new Spec(Topic.BENCH, "bench-throughput.png", "Throughput against N",
                    "Records per second of the whole group. The fixed key stays flat: one partition, one consumer."),
                    () -> ReportCharts.benchThroughput(b)));
        }
        return out;
    }

    /**
     * The records-per-partition chart of {@code results} (one series per run, named by {@code labels}) as PNG bytes,
     * the same picture as the report's {@code partitions.png}; for pages other than the run report (the findings the
     * tests write).
     */
    public static byte[] perPartitionPng(List<ExperimentResult> results, List<String> labels) {
        return ChartRenderer.png(ReportCharts.perPartition(results, labels));
    }

    private static String uniqueFile(Set<String> taken, String base) {
        String name = base + ".png";
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i + ".png";
        }
        return name;
    }

}
