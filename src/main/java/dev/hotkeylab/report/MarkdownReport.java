package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@code report.md}: the findings as a document people read, with the numbers of this run: where it ran and how to
 * reproduce it, the seed's claims checked, the seed's comparison table measured, the charts, the scaling benchmark and
 * how to read it all. Values from the run (keys, commands) are quoted so they cannot break the Markdown.
 */
public final class MarkdownReport {

    /** How to read the numbers; shared with {@code index.html}. Paragraphs separated by blank lines. */
    static final String READING = """
            Every strategy ran on a fresh topic with the same key, partition count, requests, consumer count and seed, \
            on the backend named above. *Records per partition* is where the producer's records landed, as the \
            broker acknowledged them; results.json also has the broker's end offsets and Kafka's own partitioner's \
            prediction, and counts the records where they disagree (predictionMismatches). *Active consumers* counts the members of the group that processed at \
            least one request.

            Each consumer waits the service time per request, as a database call would, and commits after each \
            batch. *Drain time* runs from the first send to the last request processed (producing overlaps with \
            consuming), and *throughput* is requests divided by drain time. Every request is sent at once, so \
            *latency* (send to processed) is mostly the time a request waited in its consumer's backlog. *Out of \
            order* counts requests processed after a later request of the same concert, or of the same user.

            With N consumers on N partitions, throughput is set by the busiest consumer, so a salted strategy's \
            speed-up over the fixed key can reach N (the linear limit) and falls short of it by the spread's \
            imbalance (max/mean) and a run's fixed costs. The claims table computes each verdict from these numbers \
            with the threshold stated in its row; nothing in it is written by hand.
            """;

    /** Introduces {@link BenchTable#bounds}; shared with {@code index.html}. */
    static final String BOUNDS = "A group finishes when its fullest partition does, so a spread's speed-up is bounded by "
            + "N / (max/mean) of its records per partition: N for an exact spread, less for an uneven one.";

    /** What the inventory table shows; shared with {@code index.html}. */
    static final String INVENTORY = "Each request reserves a seat of the concert; the consumers of a salted concert "
            + "reserve concurrently. A naive read-check-write sells seats that do not exist; atomic stores sell exactly "
            + "the capacity.";

    private MarkdownReport() {
    }

    public static String render(RunReport report) {
        return render(report, false);
    }

    /** @param withCharts whether to show the charts of {@link Charts#plan} (written next to it by the complete writer) */
    public static String render(RunReport report, boolean withCharts) {
        StringBuilder md = new StringBuilder();
        md.append("# hotkey-lab report\n\n");
        md.append("Backend: ").append(Markdown.text(report.backend())).append(", Kafka ")
                .append(Markdown.text(report.kafkaVersion())).append(", seed ").append(report.seed()).append(", ")
                .append(report.machine().get("cores")).append(" cores, Java ").append(report.machine().get("java"))
                .append(", generated ").append(report.generatedAt()).append(".\n\n");
        md.append("Reproduce with: ").append(Markdown.code(report.command())).append("\n\n");
        md.append(Artifacts.hasFindings(report)
                ? "What the tests found, each with its figures: [findings.html](findings.html) (written by `mvn test`)."
                : "What the tests found, each with its figures: run `mvn test` to write findings.html beside this report.")
                .append("\n\n");
        List<Charts.Spec> charts = withCharts ? Charts.plan(report) : List.of();
        Optional<ScalingResult> bench = ReportSections.bench(report);

        md.append("## Claims checked\n\n");
        md.append(ClaimsChecked.table(ClaimsChecked.all(report)).toMarkdown()).append("\n");

        if (!report.experiments().isEmpty()) {
            ExperimentResult first = report.experiments().get(0);
            md.append("## Comparison\n\n");
            md.append(String.format(Locale.ROOT, "Key %s, %d partitions, %d requests, %d consumers, "
                    + "%.1f ms service time per request, %d users.%n%n", Markdown.code(first.setup().key()), first.setup().partitions(),
                    first.setup().messages(), first.setup().consumers(), first.setup().serviceTimeMillis(), first.setup().users()));
            md.append(new ComparisonTable(report.experiments(), ReportSections.labels(report)).toMarkdown())
                    .append("\n");
            charts(md, charts, Charts.Topic.DISTRIBUTION);
            if (charts.stream().anyMatch(c -> c.topic() == Charts.Topic.TIME)) {
                md.append("## Over time\n\n");
                charts(md, charts, Charts.Topic.TIME);
            }
        }
        bench.ifPresent(b -> {
            md.append("## Scaling benchmark\n\n");
            md.append(benchSummary(b, Markdown::text)).append("\n\n");
            md.append("Reproduce with: ").append(Markdown.code(b.command())).append("\n\n");
            md.append(BenchTable.of(b).toMarkdown()).append("\n");
            md.append(BOUNDS).append("\n\n").append(BenchTable.bounds(b).toMarkdown()).append("\n");
            charts(md, charts, Charts.Topic.BENCH);
        });
        if (!report.experiments().isEmpty()) {
            md.append("## Where each key landed\n\n");
            List<String> labels = ReportSections.labels(report);
            for (int i = 0; i < report.experiments().size(); i++) {
                ExperimentResult r = report.experiments().get(i);
                md.append("- **").append(Markdown.text(labels.get(i))).append("** (")
                        .append(Markdown.text(r.setup().strategyDescription())).append("): ").append(r.distribution().distinctKeys())
                        .append(" distinct key(s); ").append(keyLandings(r).stream()
                                .map(e -> Markdown.code(e.getKey()) + " → " + e.getValue())
                                .collect(Collectors.joining(", ")))
                        .append(r.distribution().keyPartitions().size() > 8 ? ", …" : "").append("\n");
            }
            md.append("\n");
        }
        List<InventoryRun> inventoryRuns = ReportSections.inventory(report);
        if (!inventoryRuns.isEmpty()) {
            md.append("## Inventory\n\n");
            md.append(INVENTORY).append("\n\n");
            md.append(InventoryRun.table(inventoryRuns).toMarkdown()).append("\n");
            charts(md, charts, Charts.Topic.INVENTORY);
        }
        for (ExtraSections.Section extra : ExtraSections.of(report)) {
            md.append("## ").append(extra.title()).append("\n\n").append(extra.text()).append("\n\n");
            if (extra.table() != null) {
                md.append(extra.table().toMarkdown()).append("\n");
            }
            if (extra.image() != null) {
                md.append("![").append(extra.title()).append("](").append(extra.image()).append(")\n\n");
            }
        }
        md.append("## Reading the report\n\n").append(READING).append("\n");
        return md.toString();
    }

    private static void charts(StringBuilder md, List<Charts.Spec> charts, Charts.Topic topic) {
        for (Charts.Spec c : charts) {
            if (c.topic() == topic) {
                md.append("![").append(Markdown.text(c.title())).append("](").append(c.href()).append(")\n\n")
                        .append("*").append(Markdown.text(c.caption())).append("*\n\n");
            }
        }
    }

    /** The first eight salted keys in name order, with their partitions. */
    static List<Map.Entry<String, Integer>> keyLandings(ExperimentResult r) {
        return r.distribution().keyPartitions().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(8).toList();
    }

    /** One sentence on how the benchmark ran; {@code quote} quotes values from the run for the target format. */
    static String benchSummary(ScalingResult b, UnaryOperator<String> quote) {
        String warmup = b.warmupMillis() > 0
                ? String.format(Locale.ROOT, "after a %.1f s warm-up run that is not counted", b.warmupMillis() / 1000.0)
                : "without a warm-up run";
        return String.format(Locale.ROOT, "N consumers on N partitions, %d requests per partition, "
                + "%.1f ms service time, max.poll.records %d, key %s, seed %d, %d users; %s against %s, back to back "
                + "on one %s backend (Kafka %s), %s; %.0f s in all, generated %s.", b.messagesPerPartition(),
                b.serviceTimeMillis(), b.maxPollRecords(), quote.apply(b.key()), b.seed(), b.users(),
                quote.apply(String.join(", ", b.strategies())), quote.apply(b.baseline()), quote.apply(b.backend()),
                quote.apply(b.kafkaVersion()), warmup, b.totalMillis() / 1000.0, quote.apply(b.generatedAt()));
    }
}
