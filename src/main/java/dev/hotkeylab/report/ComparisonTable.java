package dev.hotkeylab.report;

import dev.hotkeylab.experiment.BrokerTraffic;
import dev.hotkeylab.experiment.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The seed's comparison table (partition distribution, consumer parallelism, throughput, message ordering) filled with
 * measured values, one column per strategy. Rendered for the terminal, as Markdown and as HTML from the same rows.
 */
public final class ComparisonTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public ComparisonTable(List<ExperimentResult> results) {
        this(results, results.stream().map(r -> r.setup().strategy()).toList());
    }

    /** A table whose columns are titled by {@code labels} (e.g. strategy and inventory store). */
    public ComparisonTable(List<ExperimentResult> results, List<String> labels) {
        if (labels.size() != results.size()) {
            throw new IllegalArgumentException("labels must match results: " + labels.size() + " labels for "
                    + results.size() + " results");
        }
        header = new ArrayList<>();
        header.add("");
        header.addAll(labels);
        List<Optional<ExperimentResult>> fixedFor = fixedFor(results, labels);
        row("records per partition", results, r -> r.distribution().perPartition().stream().map(String::valueOf)
                .collect(Collectors.joining(" / ")));
        row("idle partitions", results, r -> r.spread().idlePartitions().isEmpty() ? "none"
                : r.spread().idlePartitions().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        row("max/mean (1 = even)", results, r -> fmt("%.2f", r.spread().maxOverMean()));
        row("active consumers", results, r -> r.spread().activeConsumers() + " of " + r.setup().consumers());
        row("throughput (records/s)", results, r -> fmt("%.0f", r.timing().throughputPerSecond()));
        // Only when a salted column is there to compare with the fixed key.
        if (results.stream().anyMatch(ClaimsChecked::spreadsHotKey) && fixedFor.stream().anyMatch(Optional::isPresent)) {
            List<String> row = new ArrayList<>();
            String baseline = fixedFor.stream().flatMap(Optional::stream).findFirst().orElseThrow().setup().strategy();
            row.add("throughput vs " + baseline);
            for (int i = 0; i < results.size(); i++) {
                double own = results.get(i).timing().throughputPerSecond();
                row.add(fixedFor.get(i).filter(f -> f.timing().throughputPerSecond() > 0)
                        .map(f -> fmt("%.2fx", own / f.timing().throughputPerSecond())).orElse("-"));
            }
            rows.add(row);
        }
        row("drain time", results, r -> fmt("%.2f s", r.timing().drainMillis() / 1000.0));
        row("latency p50 / p99", results, r -> fmt("%.0f / %.0f ms", r.timing().latency().p50Ms(), r.timing().latency().p99Ms()));
        row("out of order: concert / user", results, r -> r.ordering().orderingViolationsPerConcert() + " / "
                + r.ordering().orderingViolationsPerUser());
        row("longest stall", results, r -> r.consumption().longestStallMillis() + " ms");
        // On a cluster of several brokers: how much each broker leads (the hot partition's leader takes it all).
        if (results.stream().anyMatch(r -> r.leaderLoad().leaderRecordsByBroker().size() > 1)) {
            row("records led, by broker", results, r -> new java.util.TreeMap<>(r.leaderLoad().leaderRecordsByBroker()).entrySet()
                    .stream().map(e -> "b" + e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
        }
        // Each broker's own bytes in and out per second over the run (BrokerTraffic says from which source).
        if (results.stream().anyMatch(r -> r.brokerTraffic().perBroker().size() > 1)) {
            row("bytes in/s, by broker", results, r -> byBroker(r, BrokerTraffic.Rates::bytesInPerSecond));
            row("bytes out/s, by broker", results, r -> byBroker(r, BrokerTraffic.Rates::bytesOutPerSecond));
        }
        if (results.stream().anyMatch(r -> r.brokerTraffic().recordsDeleted() > 0)) {
            row("records on the broker", results, r -> r.brokerTraffic().records());
        }
    }

    /**
     * The baseline run (FIXED_KEY) each column is compared with: the one with the same label after the strategy (the
     * same inventory store, {@code FIXED_KEY + redis-lua} for {@code ENTITY_SALT + redis-lua}), else the first one.
     */
    private static List<Optional<ExperimentResult>> fixedFor(List<ExperimentResult> results, List<String> labels) {
        Optional<ExperimentResult> first = results.stream().filter(ClaimsChecked::isBaseline).findFirst();
        List<Optional<ExperimentResult>> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String label = labels.get(i);
            String strategy = results.get(i).setup().strategy();
            String suffix = label.startsWith(strategy) ? label.substring(strategy.length()) : "";
            Optional<ExperimentResult> same = Optional.empty();
            for (int j = 0; j < results.size() && !suffix.isEmpty(); j++) {
                ExperimentResult other = results.get(j);
                if (ClaimsChecked.isBaseline(other) && labels.get(j).equals(other.setup().strategy() + suffix)) {
                    same = Optional.of(results.get(j));
                    break;
                }
            }
            out.add(same.isPresent() ? same : first);
        }
        return out;
    }

    /** e.g. "b0: 5.1 MB, b1: 0.0 MB, b2: 0.0 MB" (MB = 10^6 bytes); "-" where the source has no such figure. */
    static String byBroker(ExperimentResult r, ToDoubleFunction<BrokerTraffic.Rates> figure) {
        if (r.brokerTraffic().perBroker().isEmpty()) {
            return "-";
        }
        return r.brokerTraffic().perBroker().entrySet().stream().map(e -> {
            double v = figure.applyAsDouble(e.getValue());
            return "b" + e.getKey() + ": " + (v < 0 ? "-" : fmt("%.1f MB", v / 1e6));
        }).collect(Collectors.joining(", "));
    }

    private void row(String name, List<ExperimentResult> results, Function<ExperimentResult, String> cell) {
        List<String> row = new ArrayList<>();
        row.add(name);
        results.forEach(r -> row.add(cell.apply(r)));
        rows.add(row);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** The cells, for other renderers. */
    public TextTable table() {
        return new TextTable(header, rows);
    }

    /** Aligned columns for the terminal. */
    public String toText() {
        return table().toText();
    }

    /** A GitHub-flavoured Markdown table. */
    public String toMarkdown() {
        return table().toMarkdown();
    }
}
