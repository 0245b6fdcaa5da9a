package dev.hotkeylab.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.LookupTranslator;

/**
 * The findings of one test run as a page ({@value #HTML}, offline: inline styles, no script, images next to it), as
 * Markdown ({@value #MARKDOWN}, also the CI job summary) and as JSON ({@value #JSON}). Grouped like the test tree:
 * class, nested class, test. Tests that published figures come first, as the findings with their evidence.
 */
public final class FindingsPage {

    public static final String HTML = "findings.html";
    public static final String MARKDOWN = "findings.md";
    public static final String JSON = "findings.json";
    /** The run report ({@code ./hotkey-lab run}) in the same folder; it may not exist yet. */
    public static final String RUN_REPORT = "index.html";

    static final String TITLE = "hotkey-lab findings";
    static final String WITH_EVIDENCE = "Findings with their measured figures";
    static final String SKIPPED = "Skipped, and why";
    static final String FAILED = "Failed";
    static final String OTHERS = "Every other test";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;\
            max-width:1080px;padding:1.5rem;color:#222;line-height:1.45}
            h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{margin-top:1.8rem}
            .meta,.src{color:#555}.src{font-size:.85rem}code{background:#f4f4f4;padding:.1rem .3rem;border-radius:3px}
            ul.tests{list-style:none;padding-left:.4rem}ul.tests li{margin:.5rem 0}
            .passed .mark{color:#1a7f37}.failed .mark{color:#cf222e}.skipped .mark,.not-run .mark{color:#777}
            .reason{color:#9a6700}.failed .reason{color:#cf222e}
            table.figures{border-collapse:collapse;margin:.3rem 0 .3rem 1.4rem;font-size:.9rem}
            table.figures td{border:1px solid #e4e4e4;padding:.2rem .5rem;font-variant-numeric:tabular-nums;\
            overflow-wrap:anywhere}table.figures{max-width:calc(100% - 1.4rem)}
            table.figures td:first-child{color:#555}
            figure{margin:.6rem 0 .6rem 1.4rem}figure img{max-width:min(100%,640px);height:auto;border:1px solid #eee}
            section.nested{margin-left:1rem}
            """;

    private final List<Finding> classes;
    private final Instant started;
    private final Instant finished;

    public FindingsPage(List<Finding> classes, Instant started, Instant finished) {
        this.classes = List.copyOf(classes);
        this.started = started == null ? finished : started;
        this.finished = finished;
    }

    /** Tests (leaves) by outcome. */
    Map<Finding.Outcome, Long> counts() {
        Map<Finding.Outcome, Long> m = new EnumMap<>(Finding.Outcome.class);
        for (Finding.Outcome o : Finding.Outcome.values()) {
            m.put(o, 0L);
        }
        classes.stream().flatMap(Finding::flatten).filter(f -> !f.container())
                .forEach(f -> m.merge(f.outcome(), 1L, Long::sum));
        return m;
    }

    private String summary() {
        Map<Finding.Outcome, Long> c = counts();
        return String.format("%d passed, %d failed, %d skipped", c.get(Finding.Outcome.PASSED),
                c.get(Finding.Outcome.FAILED), c.get(Finding.Outcome.SKIPPED))
                + (c.get(Finding.Outcome.NOT_RUN) > 0 ? ", " + c.get(Finding.Outcome.NOT_RUN) + " not run" : "");
    }

    private String when() {
        return finished.truncatedTo(ChronoUnit.SECONDS) + " (" + Duration.between(started, finished).toSeconds()
                + " s), " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name");
    }

    /**
     * The experiments in the order the seed's story goes (the hot key, what salting buys, what it costs, the fixes,
     * the cluster, the dashboard); classes not named here follow in the order they ran.
     */
    static final List<String> STORY = List.of("HotKeyExperimentTest", "ScalingThroughputTest",
            "OrderingExperimentTest", "InventoryExperimentTest", "AdaptiveExperimentTest", "MixedWorkloadTest",
            "ParallelConsumerComparisonTest", "BrokerLoadTest", "BrokerFailureTest", "ConsumerCrashTest",
            "DashboardBrowserTest", "BackendInUseTest");

    private List<Finding> withEvidence() {
        return classes.stream().filter(Finding::hasEvidence).sorted(java.util.Comparator.comparingInt(c -> {
            int i = STORY.indexOf(c.source().substring(c.source().lastIndexOf('.') + 1));
            return i < 0 ? STORY.size() : i;
        })).toList();
    }

    private List<Finding> others() {
        return classes.stream().filter(f -> !f.hasEvidence()).toList();
    }

    /** Skipped nodes that carry their own reason (a skipped class once, not each of its tests). */
    List<Finding> skipped() {
        return classes.stream().flatMap(FindingsPage::ownSkips).toList();
    }

    private static java.util.stream.Stream<Finding> ownSkips(Finding f) {
        if (f.outcome() == Finding.Outcome.SKIPPED) {
            return java.util.stream.Stream.of(f);
        }
        return f.children().stream().flatMap(FindingsPage::ownSkips);
    }

    List<Finding> failed() {
        return classes.stream().flatMap(Finding::flatten).filter(f -> f.outcome() == Finding.Outcome.FAILED)
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------- HTML

    public String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(TITLE).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<header>\n<h1>").append(TITLE).append("</h1>\n<p class=\"meta\">Written by <code>mvn test")
                .append("</code> ").append(esc(when())).append(": ").append(esc(summary())).append(".</p>\n")
                .append("<p>Each test below is one finding; the figures under it are what that test measured in ")
                .append("this run and asserted on. The experiments' report with charts and claims is written by ")
                .append("<code>./hotkey-lab run</code>: <a href=\"").append(RUN_REPORT)
                .append("\">the run report</a> (here once it has run).</p>\n<nav><a href=\"#evidence\">")
                .append(WITH_EVIDENCE).append("</a> · <a href=\"#skipped\">").append(SKIPPED).append("</a> · ");
        if (!failed().isEmpty()) {
            h.append("<a href=\"#failed\">").append(FAILED).append("</a> · ");
        }
        h.append("<a href=\"#others\">").append(OTHERS).append("</a> · <a href=\"").append(MARKDOWN)
                .append("\">").append(MARKDOWN).append("</a> · <a href=\"").append(JSON).append("\">").append(JSON)
                .append("</a></nav>\n</header>\n");

        h.append("<section id=\"evidence\">\n<h2>").append(WITH_EVIDENCE).append("</h2>\n");
        for (Finding c : withEvidence()) {
            htmlClass(h, c);
        }
        h.append("</section>\n");

        h.append("<section id=\"skipped\">\n<h2>").append(SKIPPED).append("</h2>\n");
        List<Finding> skipped = skipped();
        if (skipped.isEmpty()) {
            h.append("<p>Nothing was skipped.</p>\n");
        } else {
            h.append("<ul class=\"tests\">\n");
            skipped.forEach(f -> h.append("<li class=\"skipped\"><span class=\"mark\">↷</span> ")
                    .append(esc(f.displayPath())).append(": <span class=\"reason\">").append(esc(f.reason()))
                    .append("</span></li>\n"));
            h.append("</ul>\n");
        }
        h.append("</section>\n");

        if (!failed().isEmpty()) {
            h.append("<section id=\"failed\">\n<h2>").append(FAILED).append("</h2>\n<ul class=\"tests\">\n");
            failed().forEach(f -> h.append("<li class=\"failed\"><span class=\"mark\">✘</span> ")
                    .append(esc(f.displayPath())).append(": <span class=\"reason\">").append(esc(f.reason()))
                    .append("</span></li>\n"));
            h.append("</ul>\n</section>\n");
        }

        h.append("<section id=\"others\">\n<h2>").append(OTHERS).append("</h2>\n");
        for (Finding c : others()) {
            htmlClass(h, c);
        }
        h.append("</section>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void htmlClass(StringBuilder h, Finding c) {
        h.append("<section class=\"class\" id=\"").append(esc(anchor(c.source()))).append("\">\n<h3>")
                .append(mark(c)).append(esc(c.name())).append("</h3>\n<p class=\"src\"><code>")
                .append(esc(c.source())).append("</code>");
        if (c.outcome() == Finding.Outcome.SKIPPED || c.outcome() == Finding.Outcome.FAILED) {
            h.append(" · <span class=\"reason\">").append(esc(c.outcome().word + ": " + c.reason())).append("</span>");
        }
        h.append("</p>\n");
        evidence(h, c);
        htmlChildren(h, c, 4);
        h.append("</section>\n");
    }

    private static void htmlChildren(StringBuilder h, Finding parent, int level) {
        List<Finding> tests = parent.children().stream().filter(f -> !f.container() || f.children().isEmpty()).toList();
        if (!tests.isEmpty()) {
            h.append("<ul class=\"tests\">\n");
            for (Finding t : tests) {
                h.append("<li class=\"").append(t.outcome().word.replace(' ', '-')).append("\">")
                        .append("<span class=\"mark\">").append(t.outcome().symbol).append("</span> ")
                        .append(esc(t.name()));
                if (!t.reason().isEmpty() && t.outcome() != Finding.Outcome.PASSED) {
                    h.append(" <span class=\"reason\">(").append(esc(t.outcome().word + ": " + t.reason()))
                            .append(")</span>");
                }
                evidence(h, t);
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        for (Finding n : parent.children()) {
            if (n.container() && !n.children().isEmpty()) {
                int hl = Math.min(level, 6);
                h.append("<section class=\"nested\">\n<h").append(hl).append(">").append(mark(n)).append(esc(n.name()))
                        .append("</h").append(hl).append(">\n");
                if (n.outcome() == Finding.Outcome.SKIPPED || n.outcome() == Finding.Outcome.FAILED) {
                    h.append("<p class=\"reason\">").append(esc(n.outcome().word + ": " + n.reason())).append("</p>\n");
                }
                evidence(h, n);
                htmlChildren(h, n, level + 1);
                h.append("</section>\n");
            }
        }
    }

    private static String mark(Finding f) {
        return "<span class=\"" + f.outcome().word.replace(' ', '-') + "\"><span class=\"mark\">" + f.outcome().symbol
                + "</span></span> ";
    }

    private static void evidence(StringBuilder h, Finding f) {
        if (!f.figures().isEmpty()) {
            h.append("<table class=\"figures\">\n");
            for (Map.Entry<String, String> e : f.figures()) {
                h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(e.getValue()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        for (String file : f.files()) {
            if (file.endsWith(".png") || file.endsWith(".jpg") || file.endsWith(".svg")) {
                h.append("<figure><img src=\"").append(esc(file)).append("\" alt=\"").append(esc(f.name()))
                        .append("\" loading=\"lazy\"></figure>\n");
            } else {
                h.append("<p><a href=\"").append(esc(file)).append("\">").append(esc(file)).append("</a></p>\n");
            }
        }
    }

    private static String anchor(String source) {
        return source.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    private static String esc(String text) {
        return StringEscapeUtils.escapeHtml4(text == null ? "" : text);
    }

    // ------------------------------------------------------------------------------------------------ Markdown

    public String markdown() {
        StringBuilder m = new StringBuilder();
        m.append("# ").append(TITLE).append("\n\nWritten by `mvn test` ").append(when()).append(": ")
                .append(summary()).append(". Each row is one test; its figures are what it measured in this run. ")
                .append("The run report: [").append(RUN_REPORT).append("](").append(RUN_REPORT)
                .append(") (written by `./hotkey-lab run`).\n\n");
        m.append("## ").append(WITH_EVIDENCE).append("\n\n");
        for (Finding c : withEvidence()) {
            m.append("### ").append(mark(c.outcome())).append(md(c.name())).append("\n\n")
                    .append("| test | outcome | figures |\n| --- | --- | --- |\n");
            c.flatten().skip(1).filter(f -> !f.container() || !f.figures().isEmpty()).forEach(f -> m.append("| ")
                    .append(md(String.join(" › ", f.path().subList(1, f.path().size())))).append(" | ")
                    .append(f.outcome().symbol).append(' ').append(f.outcome().word)
                    .append(f.outcome() == Finding.Outcome.PASSED || f.reason().isEmpty() ? "" : ": " + md(f.reason()))
                    .append(" | ").append(md(f.figures().stream().map(e -> e.getKey() + " = " + e.getValue())
                            .collect(Collectors.joining("; ")))).append(" |\n"));
            m.append('\n');
        }
        m.append("## ").append(SKIPPED).append("\n\n");
        List<Finding> skipped = skipped();
        if (skipped.isEmpty()) {
            m.append("Nothing was skipped.\n\n");
        } else {
            skipped.forEach(f -> m.append("- ↷ ").append(md(f.displayPath())).append(": ").append(md(f.reason()))
                    .append('\n'));
            m.append('\n');
        }
        if (!failed().isEmpty()) {
            m.append("## ").append(FAILED).append("\n\n");
            failed().forEach(f -> m.append("- ✘ ").append(md(f.displayPath())).append(": ").append(md(f.reason()))
                    .append('\n'));
            m.append('\n');
        }
        m.append("## ").append(OTHERS).append("\n\n");
        for (Finding c : others()) {
            long tests = c.flatten().filter(f -> !f.container()).count();
            m.append("<details><summary>").append(mark(c.outcome())).append(md(c.name())).append(" (").append(tests)
                    .append(tests == 1 ? " test" : " tests").append(")</summary>\n\n");
            c.flatten().skip(1).filter(f -> !f.container()).forEach(f -> m.append("- ").append(f.outcome().symbol)
                    .append(' ').append(md(String.join(" › ", f.path().subList(1, f.path().size()))))
                    .append(f.outcome() == Finding.Outcome.PASSED || f.reason().isEmpty() ? "" : " (" + md(f.reason()) + ")")
                    .append('\n'));
            m.append("\n</details>\n\n");
        }
        return m.toString();
    }

    private static String mark(Finding.Outcome o) {
        return o == Finding.Outcome.PASSED ? "" : o.symbol + " ";
    }

    /** Markdown that shows text as text: {@code & < >} as entities (so a key written as HTML stays text), pipes escaped. */
    private static final CharSequenceTranslator MARKDOWN_TEXT = new LookupTranslator(Map.of(
            "&", "&amp;", "<", "&lt;", ">", "&gt;", "|", "\\|", "\n", " ", "\r", ""));

    private static String md(String text) {
        return MARKDOWN_TEXT.translate(text == null ? "" : text);
    }

    // ---------------------------------------------------------------------------------------------------- JSON

    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("started", started.toString()).put("finished", finished.toString());
        ObjectNode counts = root.putObject("counts");
        counts().forEach((o, n) -> counts.put(o.word, n));
        ArrayNode array = root.putArray("classes");
        classes.forEach(c -> array.add(json(mapper, c)));
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode json(ObjectMapper mapper, Finding f) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", f.name()).put("path", f.displayPath()).put("source", f.source())
                .put("outcome", f.outcome().word);
        if (!f.reason().isEmpty()) {
            n.put("reason", f.reason());
        }
        if (!f.figures().isEmpty()) {
            ArrayNode figures = n.putArray("figures");
            f.figures().forEach(e -> figures.addObject().put("name", e.getKey()).put("value", e.getValue()));
        }
        if (!f.files().isEmpty()) {
            ArrayNode files = n.putArray("files");
            f.files().forEach(files::add);
        }
        if (!f.children().isEmpty()) {
            ArrayNode children = n.putArray("children");
            f.children().forEach(c -> children.add(json(mapper, c)));
        }
        return n;
    }
}
