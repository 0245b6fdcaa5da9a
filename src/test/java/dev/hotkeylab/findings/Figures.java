package dev.hotkeylab.findings;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingPoint;
import dev.hotkeylab.report.Charts;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.TestReporter;

/**
 * What an experiment test measured, published through {@link TestReporter} so the findings page
 * ({@link FindingsListener}) shows it next to the test's name. Only measured values go through here: fixtures a test
 * sets up to exercise a page (a fake inventory row, an HTML key) are never published.
 */
public final class Figures {

    private final TestReporter reporter;

    private Figures(TestReporter reporter) {
        this.reporter = reporter;
    }

    public static Figures of(TestReporter reporter) {
        return new Figures(reporter);
    }

    /** One figure; insertion order is the order on the page. */
    public Figures put(String name, Object value) {
        reporter.publishEntry(name, String.valueOf(value));
        return this;
    }

    /** Several figures in one entry, in the map's order. */
    public Figures put(Map<String, ?> figures) {
        Map<String, String> out = new LinkedHashMap<>();
        figures.forEach((k, v) -> out.put(k, String.valueOf(v)));
        reporter.publishEntry(out);
        return this;
    }

    /**
     * The figures of one run: where the records landed, who worked, how fast, and the order kept. Prefixed with
     * {@code label} when a test publishes several runs (empty for one).
     */
    public Figures experiment(String label, ExperimentResult r) {
        String p = label.isEmpty() ? "" : label + ".";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(p + "strategy", r.setup().strategy());
        f.put(p + "perPartition", r.distribution().perPartition());
        f.put(p + "idlePartitions", r.spread().idlePartitions());
        f.put(p + "maxOverMean", fmt(r.spread().maxOverMean()));
        f.put(p + "activeConsumers", r.spread().activeConsumers() + " of " + r.setup().consumers());
        f.put(p + "throughputPerSecond", fmt0(r.timing().throughputPerSecond()));
        f.put(p + "drainMillis", r.timing().drainMillis());
        f.put(p + "orderingViolations", "concert " + r.ordering().orderingViolationsPerConcert() + ", user "
                + r.ordering().orderingViolationsPerUser());
        f.put(p + "seed", r.setup().seed());
        return put(f);
    }

    /** The figures of one run, alone in its test. */
    public Figures experiment(ExperimentResult r) {
        return experiment("", r);
    }

    /** One point of the scaling benchmark. */
    public Figures point(ScalingPoint s) {
        String p = s.strategy() + "@N=" + s.n() + ".";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(p + "perPartition", s.perPartition());
        f.put(p + "activeConsumers", s.activeConsumers());
        f.put(p + "drainMillis", s.drainMillis());
        f.put(p + "throughputPerSecond", fmt0(s.throughputPerSecond()));
        f.put(p + "speedUp", fmt(s.speedupVsFixed()));
        return put(f);
    }

    /**
     * The project's records-per-partition chart ({@link Charts#perPartitionPng}) for these runs, as a PNG attached to
     * the test.
     */
    public Figures partitionsChart(String name, List<ExperimentResult> runs, List<String> labels) {
        byte[] png = Charts.perPartitionPng(runs, labels);
        reporter.publishFile(name + ".png", MediaType.IMAGE_PNG, path -> Files.write(path, png));
        return this;
    }

    /** The chart for runs labelled by their strategies. */
    public Figures partitionsChart(String name, List<ExperimentResult> runs) {
        return partitionsChart(name, runs, runs.stream().map(r -> r.setup().strategy()).collect(Collectors.toList()));
    }

    public static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String fmt0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
