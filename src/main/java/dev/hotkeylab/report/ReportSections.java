package dev.hotkeylab.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.experiment.ConsumerStats;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The named sections of {@code results.json} this package reads and writes: {@code bench} (the scaling benchmark),
 * {@code inventory} (seats sold per store, from {@code run --inventory}),
 * {@code claims} (the claims-checked rows) and {@code figures} (figures derived from the experiments that the charts
 * show). A section may hold a typed object (fresh from a run) or a plain map (read back from a file); readers accept
 * both.
 */
public final class ReportSections {

    public static final String BENCH = "bench";
    public static final String CLAIMS = "claims";
    public static final String FIGURES = "figures";
    public static final String INVENTORY = "inventory";
    public static final String RESULTS_JSON = "results.json";

    /** Reads results.json leniently: fields added by later versions are skipped, not fatal. */
    static final ObjectMapper READER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReportSections() {
    }

    /** The scaling benchmark, if the report has one. */
    public static Optional<ScalingResult> bench(RunReport report) {
        Object section = report.sections().get(BENCH);
        if (section == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(READER.convertValue(section, ScalingResult.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the report's '" + BENCH + "' section is not a benchmark result: "
                    + firstLine(e.getMessage()));
        }
    }

    /** The inventory runs ({@code run --inventory}), if the report has any. */
    public static java.util.List<InventoryRun> inventory(RunReport report) {
        Object section = report.sections().get(INVENTORY);
        if (section == null) {
            return java.util.List.of();
        }
        try {
            return READER.convertValue(section, new com.fasterxml.jackson.core.type.TypeReference<
                    java.util.List<InventoryRun>>() { });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the report's '" + INVENTORY + "' section is not a list of inventory "
                    + "runs: " + firstLine(e.getMessage()));
        }
    }

    /**
     * A distinct label per experiment, for table columns and chart series: the strategy, with the inventory store when
     * each experiment ran against one ({@code FIXED_KEY + redis-lua}), else numbered when a strategy repeats.
     */
    public static java.util.List<String> labels(RunReport report) {
        java.util.List<ExperimentResult> results = report.experiments();
        java.util.List<InventoryRun> inventory = inventory(report);
        java.util.List<String> labels = new java.util.ArrayList<>();
        boolean byStore = inventory.size() == results.size();
        for (int i = 0; i < results.size() && byStore; i++) {
            byStore = inventory.get(i).strategy().equals(results.get(i).setup().strategy());
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            String base = results.get(i).setup().strategy()
                    + (byStore ? " + " + inventory.get(i).summary().store() : "");
            String label = base;
            for (int n = 2; !used.add(label); n++) {
                label = base + " #" + n;
            }
            labels.add(label);
        }
        return labels;
    }

    /**
     * The report in {@code folder/results.json}, if there is one.
     *
     * @throws IllegalArgumentException if the file exists but is not a hotkey-lab report
     */
    public static Optional<RunReport> read(Path folder) {
        Path json = folder.resolve(RESULTS_JSON);
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            return Optional.of(READER.readValue(json.toFile(), RunReport.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("'" + json + "' is not a results.json this version can read ("
                    + firstLine(e.getMessage()) + "); run ./hotkey-lab run again, move it away or choose another --out");
        }
    }

    /**
     * One section of the report in {@code folder/results.json}, read on its own: a section stays readable when the
     * experiments around it were written by an older version of the format.
     */
    public static Optional<Object> section(Path folder, String name) {
        Path json = folder.resolve(RESULTS_JSON);
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = READER.readTree(json.toFile()).path("sections").path(name);
            return node.isMissingNode() || node.isNull() ? Optional.empty()
                    : Optional.of(READER.convertValue(node, Object.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The report with its {@code claims} and {@code figures} sections computed from its experiments and bench. */
    public static RunReport derive(RunReport report) {
        Map<String, Object> sections = new LinkedHashMap<>(report.sections());
        sections.put(CLAIMS, ClaimsChecked.all(report));
        sections.put(FIGURES, figures(report));
        return new RunReport(report.backend(), report.kafkaVersion(), report.seed(), report.generatedAt(),
                report.command(), report.machine(), report.experiments(), sections);
    }

    private static Map<String, Object> figures(RunReport report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("timelineBucketMillis", ExperimentResult.TIMELINE_BUCKET_MILLIS);
        Optional<ExperimentResult> fixed = report.experiments().stream()
                .filter(ClaimsChecked::isBaseline).findFirst();
        Map<String, Object> perStrategy = new LinkedHashMap<>();
        for (ExperimentResult r : report.experiments()) {
            Map<String, Object> f = new LinkedHashMap<>();
            fixed.filter(x -> x.timing().throughputPerSecond() > 0)
                    .ifPresent(x -> f.put("throughputVsFixed", r.timing().throughputPerSecond() / x.timing().throughputPerSecond()));
            f.put("idleConsumers", r.idleConsumers());
            Map<String, Long> perConsumer = new LinkedHashMap<>();
            for (ConsumerStats c : ConsumerNames.inOrder(r)) {
                perConsumer.put(ConsumerNames.shortName(c.clientId()), c.records());
            }
            f.put("recordsPerConsumer", perConsumer);
            perStrategy.put(r.setup().strategy(), f);
        }
        figures.put("strategies", perStrategy);
        return figures;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
