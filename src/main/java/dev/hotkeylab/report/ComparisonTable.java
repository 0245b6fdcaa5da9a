package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The seed's comparison table (partition distribution, consumer parallelism, throughput, message ordering) filled with
 * measured values, one column per strategy. Rendered for the terminal and as Markdown from the same rows.
 */
public final class ComparisonTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public ComparisonTable(List<ExperimentResult> results) {
        this(results, results.stream().map(ExperimentResult::strategy).toList());
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
        row("records per partition", results, r -> r.perPartition().stream().map(String::valueOf)
                .collect(Collectors.joining(" / ")));
        row("idle partitions", results, r -> r.idlePartitions().isEmpty() ? "none"
                : r.idlePartitions().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        row("max/mean (1 = even)", results, r -> fmt("%.2f", r.maxOverMean()));
        row("active consumers", results, r -> r.activeConsumers() + " of " + r.consumers());
        row("throughput (records/s)", results, r -> fmt("%.0f", r.throughputPerSecond()));
        row("drain time", results, r -> fmt("%.2f s", r.drainMillis() / 1000.0));
        row("latency p50 / p99", results, r -> fmt("%.0f / %.0f ms", r.latency().p50Ms(), r.latency().p99Ms()));
        row("out of order: concert / user", results, r -> r.orderingViolationsPerConcert() + " / "
                + r.orderingViolationsPerUser());
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

    /** Aligned columns for the terminal. */
    public String toText() {
        int[] widths = new int[header.size()];
        for (List<String> r : allRows()) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> r : allRows()) {
            for (int i = 0; i < r.size(); i++) {
                out.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", r.get(i)));
                out.append(i == r.size() - 1 ? "" : "   ");
            }
            out.append(System.lineSeparator());
        }
        return out.toString().replaceAll("(?m)[ \t]+$", "");
    }

    /** A GitHub-flavoured Markdown table. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append("\n");
        for (List<String> r : rows) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return out.toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
