package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code report.md}: the findings as a document people read, with the numbers of this run. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(RunReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# hotkey-lab report\n\n");
        md.append("Backend: ").append(report.backend()).append(", Kafka ").append(report.kafkaVersion())
                .append(", seed ").append(report.seed()).append(", ").append(report.machine().get("cores"))
                .append(" cores, Java ").append(report.machine().get("java")).append(", generated ")
                .append(report.generatedAt()).append(".\n\n");
        md.append("Reproduce with: `").append(report.command()).append("`\n\n");
        if (!report.experiments().isEmpty()) {
            ExperimentResult first = report.experiments().get(0);
            md.append("## Comparison\n\n");
            md.append(String.format(Locale.ROOT, "Key `%s`, %d partitions, %d requests, %d consumers, "
                    + "%.1f ms service time per request, %d users.%n%n", first.key(), first.partitions(),
                    first.messages(), first.consumers(), first.serviceTimeMillis(), first.users()));
            md.append(new ComparisonTable(report.experiments()).toMarkdown()).append("\n");
            md.append("## Where each key landed\n\n");
            for (ExperimentResult r : report.experiments()) {
                md.append("- **").append(r.strategy()).append("** (").append(r.strategyDescription()).append("): ")
                        .append(r.distinctKeys()).append(" distinct key(s); ")
                        .append(r.keyPartitions().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                                .limit(8).map(e -> "`" + e.getKey() + "` → " + e.getValue())
                                .collect(Collectors.joining(", ")))
                        .append(r.keyPartitions().size() > 8 ? ", …" : "").append("\n");
            }
            md.append("\n");
        }
        Object inventory = report.sections().get("inventory");
        if (inventory instanceof java.util.List<?> runs && !runs.isEmpty()) {
            @SuppressWarnings("unchecked")
            java.util.List<InventoryRun> inventoryRuns = (java.util.List<InventoryRun>) runs;
            md.append("## Inventory\n\n");
            md.append("Each request reserves a seat of the concert; the consumers of a salted concert reserve ")
                    .append("concurrently. A naive read-check-write sells seats that do not exist; atomic stores ")
                    .append("sell exactly the capacity.\n\n");
            md.append(InventoryRun.table(inventoryRuns).toMarkdown()).append("\n");
        }
        return md.toString();
    }
}
