package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code index.html}: the report as one page that opens offline in any browser. Styles are inline, there is no script,
 * no font and no address outside the report folder; the charts are the PNGs next to it. Everything that comes from a
 * run is escaped with {@link Html#escape}.
 */
public final class HtmlReport implements ReportWriter.Part {

    public static final String FILE = "index.html";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;\
            max-width:1080px;padding:1.5rem;color:#222;line-height:1.45}
            h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
            .meta{color:#555}code{background:#f4f4f4;padding:.1rem .3rem;border-radius:3px;word-break:break-all}
            table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}
            th,td{border:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}
            thead th{background:#f4f4f4}tbody th{font-weight:600;background:#fafafa}
            table.numbers td{font-variant-numeric:tabular-nums;white-space:nowrap}
            .verdict{font-weight:600;white-space:nowrap}.holds{color:#1a7f37}.holds-only-for{color:#9a6700}
            .does-not-hold{color:#cf222e}.not-measured{color:#777}
            figure{margin:1.5rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#555;font-size:.92rem}nav a{margin-right:1rem}footer{margin-top:3rem;color:#777}
            .scroll{overflow-x:auto}
            """;

    @Override
    public void write(RunReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE), render(report));
    }

    public static String render(RunReport report) {
        List<Charts.Spec> charts = Charts.plan(report);
        Optional<ScalingResult> bench = ReportSections.bench(report);
        List<ExperimentResult> results = report.experiments();
        List<String> labels = ReportSections.labels(report);
        List<InventoryRun> inventory = ReportSections.inventory(report);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>hotkey-lab report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header>\n<h1>hotkey-lab report</h1>\n<p class=\"meta\">Backend <strong>")
                .append(Html.escape(report.backend())).append("</strong>, Kafka ")
                .append(Html.escape(report.kafkaVersion())).append(", seed ").append(report.seed()).append(", ")
                .append(Html.escape(String.valueOf(report.machine().get("cores")))).append(" cores, Java ")
                .append(Html.escape(String.valueOf(report.machine().get("java")))).append(", ")
                .append(Html.escape(String.valueOf(report.machine().get("os")))).append(", generated ")
                .append(Html.escape(report.generatedAt())).append(".</p>\n<p>Reproduce with: <code>")
                .append(Html.escape(report.command())).append("</code></p>\n");
        h.append("<nav><a href=\"#claims\">Claims checked</a>");
        if (!results.isEmpty()) {
            h.append("<a href=\"#comparison\">Comparison</a><a href=\"#time\">Over time</a>");
        }
        if (!inventory.isEmpty()) {
            h.append("<a href=\"#inventory\">Inventory</a>");
        }
        if (bench.isPresent()) {
            h.append("<a href=\"#bench\">Scaling benchmark</a>");
        }
        h.append("<a href=\"#reading\">Reading the report</a><a href=\"results.json\">results.json</a>")
                .append("<a href=\"report.md\">report.md</a>")
                .append(Artifacts.hasFindings(report) ? "<a href=\"findings.html\">Findings of mvn test</a>"
                        : "<span>Findings: run mvn test to write findings.html</span>")
                .append("</nav>\n</header>\n");

        h.append("<section id=\"claims\">\n<h2>Claims checked</h2>\n");
        claims(h, ClaimsChecked.all(report));
        h.append("</section>\n");

        if (!results.isEmpty()) {
            ExperimentResult first = results.get(0);
            h.append("<section id=\"comparison\">\n<h2>The seed's comparison, measured</h2>\n<p>")
                    .append(Html.escape(String.format(Locale.ROOT, "Key %s, %d partitions, %d requests, "
                            + "%d consumers, %.1f ms service time per request, %d users.", first.setup().key(),
                            first.setup().partitions(), first.setup().messages(), first.setup().consumers(), first.setup().serviceTimeMillis(),
                            first.setup().users())))
                    .append("</p>\n").append(new ComparisonTable(results, labels).table().toHtml("numbers"));
            figures(h, charts, Charts.Topic.DISTRIBUTION);
            h.append("<h3>Where each key landed</h3>\n<ul>\n");
            for (int i = 0; i < results.size(); i++) {
                ExperimentResult r = results.get(i);
                h.append("<li><strong>").append(Html.escape(labels.get(i))).append("</strong> (")
                        .append(Html.escape(r.setup().strategyDescription())).append("): ").append(r.distribution().distinctKeys())
                        .append(" distinct key(s); ")
                        .append(MarkdownReport.keyLandings(r).stream().map(e -> "<code>" + Html.escape(e.getKey())
                                + "</code> → " + e.getValue()).collect(Collectors.joining(", ")))
                        .append(r.distribution().keyPartitions().size() > 8 ? ", …" : "").append("</li>\n");
            }
            h.append("</ul>\n</section>\n");
            h.append("<section id=\"time\">\n<h2>Over time</h2>\n");
            figures(h, charts, Charts.Topic.TIME);
            h.append("</section>\n");
        }
        if (!inventory.isEmpty()) {
            h.append("<section id=\"inventory\">\n<h2>Inventory</h2>\n<p>").append(Html.escape(MarkdownReport.INVENTORY))
                    .append("</p>\n").append(InventoryRun.table(inventory).toHtml("numbers"));
            figures(h, charts, Charts.Topic.INVENTORY);
            h.append("</section>\n");
        }
        bench.ifPresent(b -> {
            h.append("<section id=\"bench\">\n<h2>Scaling benchmark</h2>\n<p>")
                    .append(Html.escape(MarkdownReport.benchSummary(b, s -> s))).append("</p>\n")
                    .append("<p>Reproduce with: <code>").append(Html.escape(b.command())).append("</code></p>\n")
                    .append(BenchTable.of(b).toHtml("numbers"))
                    .append("<p>").append(Html.escape(MarkdownReport.BOUNDS)).append("</p>\n")
                    .append(BenchTable.bounds(b).toHtml("numbers"));
            figures(h, charts, Charts.Topic.BENCH);
            h.append("</section>\n");
        });
        for (ExtraSections.Section extra : ExtraSections.of(report)) {
            h.append("<section id=\"").append(extra.id()).append("\">\n<h2>").append(Html.escape(extra.title()))
                    .append("</h2>\n<p>").append(Html.escape(extra.text())).append("</p>\n");
            if (extra.table() != null) {
                h.append(extra.table().toHtml("numbers"));
            }
            if (extra.image() != null) {
                h.append("<figure><img src=\"").append(Html.escape(extra.image())).append("\" alt=\"")
                        .append(Html.escape(extra.title())).append("\" style=\"max-width:100%\"></figure>\n");
            }
            h.append("</section>\n");
        }
        h.append("<section id=\"reading\">\n<h2>Reading the report</h2>\n");
        for (String paragraph : MarkdownReport.READING.strip().split("\n\\s*\n")) {
            h.append("<p>").append(Html.escape(paragraph.strip()).replaceAll("\\*([^*]+)\\*", "<em>$1</em>"))
                    .append("</p>\n");
        }
        h.append("</section>\n<footer>Written by hotkey-lab. The numbers are in <a href=\"results.json\">results.json")
                .append("</a>; the same report as Markdown is <a href=\"report.md\">report.md</a>.</footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    private static void claims(StringBuilder h, List<ClaimsChecked.Claim> claims) {
        h.append("<table class=\"claims\">\n<thead><tr><th>The seed claims</th><th>Measured</th><th>Verdict</th><th>Numbers from</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (ClaimsChecked.Claim c : claims) {
            String css = c.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
            h.append("<tr><th scope=\"row\">").append(Html.escape(c.claim())).append("</th><td>")
                    .append(Html.escape(c.measured())).append("</td><td><span class=\"verdict ").append(css)
                    .append("\">").append(Html.escape(c.verdict().label())).append("</span>");
            String rest = c.verdictText().startsWith(c.verdict().label())
                    ? c.verdictText().substring(c.verdict().label().length()) : " " + c.verdictText();
            h.append(Html.escape(rest)).append("</td><td>").append(Html.escape(c.source().isEmpty() ? "-" : c.source()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void figures(StringBuilder h, List<Charts.Spec> charts, Charts.Topic topic) {
        for (Charts.Spec c : charts) {
            if (c.topic() == topic) {
                h.append("<figure><img src=\"").append(Html.escape(c.href())).append("\" alt=\"")
                        .append(Html.escape(c.title())).append("\" width=\"").append(Charts.WIDTH)
                        .append("\" height=\"").append(Charts.HEIGHT).append("\"><figcaption><strong>")
                        .append(Html.escape(c.title())).append(".</strong> ").append(Html.escape(c.caption()))
                        .append("</figcaption></figure>\n");
            }
        }
    }
}
