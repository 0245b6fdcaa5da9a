package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("index.html: every strategy and claim, escaped, offline")
class HtmlReportTest {

    private static final String EVIL_KEY = "<img src=x onerror=alert(1)>";

    @Test
    @DisplayName("every strategy, every claim and the run's provenance appear")
    void everything() {
        RunReport report = Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY),
                Map.of(ReportSections.BENCH, Synthetic.bench(2.97)));

        String html = HtmlReport.render(report);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("FIXED_KEY", "RANDOM_SALT", "PARTITION_AWARE_SALT", "ENTITY_SALT")
                .contains("Backend <strong>embedded</strong>, Kafka 4.3.1, seed 42, 2 cores")
                .contains("<code>./hotkey-lab run --no-serve --seed 42</code>")
                .contains("<code>./hotkey-lab bench</code>")
                .contains("id=\"bench\"", "speed-up PARTITION_AWARE_SALT", "2.97x");
        ClaimsChecked.check(report.experiments(), ReportSections.bench(report))
                .forEach(c -> assertThat(html).contains(Html.escape(c.claim())));
        Charts.plan(report).forEach(c -> assertThat(html).contains("<img src=\"" + c.href() + "\""));
        assertThat(html).contains("class=\"verdict holds-only-for\"");
    }

    @Test
    @DisplayName("a key like <img src=x onerror=alert(1)> is shown as text, never as markup")
    void escapesTheKey() {
        RunReport report = Synthetic.report(Synthetic.javaClientRun(EVIL_KEY), Map.of());

        String html = HtmlReport.render(report);

        assertThat(html).doesNotContain(EVIL_KEY).doesNotContain("<img src=x")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("<code>&lt;img src=x onerror=alert(1)&gt;_0</code>");
    }

    @Test
    @DisplayName("nothing is loaded from outside the report folder and nothing runs")
    void offline() {
        String html = HtmlReport.render(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY),
                Map.of(ReportSections.BENCH, Synthetic.bench(3.0))));

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("//");
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(refs.group(1)).matches("#[a-z]+|results\\.json|report\\.md|findings\\.html|charts/[A-Za-z0-9_-]+\\.png");
        }
        assertThat(count).isGreaterThan(10);
    }

    @Test
    @DisplayName("a report with only a benchmark still renders, with its claims not measured")
    void benchOnly() {
        String html = HtmlReport.render(Synthetic.report(List.of(), Map.of(ReportSections.BENCH,
                Synthetic.bench(3.0))));

        assertThat(html).contains("id=\"bench\"").doesNotContain("id=\"comparison\"")
                .contains("class=\"verdict not-measured\"").contains("charts/speedup.png");
    }

    @Test
    @DisplayName("inventory runs: a column per strategy and store, the stores table and the seats chart")
    void inventory() {
        String html = HtmlReport.render(Synthetic.inventoryReport());

        assertThat(html).contains("<th>FIXED_KEY + naive-redis</th>", "<th>ENTITY_SALT + redis-lua</th>")
                .contains("id=\"inventory\"", "<th>oversold</th>", "charts/inventory.png");
        assertThat(MarkdownReport.render(Synthetic.inventoryReport(), true)).contains("## Inventory")
                .contains("| naive-redis | RANDOM_SALT | 3 | 500 | 530 | 30 |");
    }

    @Test
    @DisplayName("Html.escape covers the five characters that matter in text and quoted attributes")
    void escape() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }
}
