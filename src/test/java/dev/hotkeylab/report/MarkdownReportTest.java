package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("report.md: the same content as the HTML, quoted for Markdown")
class MarkdownReportTest {

    @Test
    @DisplayName("provenance, claims, the comparison, the charts and the benchmark")
    void everything() {
        RunReport report = Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY),
                Map.of(ReportSections.BENCH, Synthetic.bench(2.97)));

        String md = MarkdownReport.render(report, true);

        assertThat(md).contains("Backend: embedded, Kafka 4.3.1, seed 42, 2 cores")
                .contains("Reproduce with: `./hotkey-lab run --no-serve --seed 42`")
                .contains("## Claims checked", "## Comparison", "## Scaling benchmark", "## Reading the report")
                .contains("| records per partition | 0 / 0 / 1000 | 0 / 342 / 658 | 334 / 333 / 333 | 379 / 274 / 347 |")
                .contains("| 3 | 1800 | 190 |").contains("2.97x")
                .contains("| N | PARTITION_AWARE_SALT: speed-up / N÷(max/mean) |").contains("| 3 | 2.97x / 3.00x |")
                .contains("| Salting triples the throughput (3 consumers) |");
        for (String s : List.of("FIXED_KEY", "RANDOM_SALT", "PARTITION_AWARE_SALT", "ENTITY_SALT")) {
            assertThat(md).contains("| " + s + " |").contains("![" + s.replace("_", "\\_") + ": throughput per consumer over time]");
        }
        Charts.plan(report).forEach(c -> assertThat(md).contains("](" + c.href() + ")"));
    }

    @Test
    @DisplayName("without charts written next to it, report.md links none")
    void noChartsWithoutTheChartWriter() {
        String md = MarkdownReport.render(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()));
        assertThat(md).doesNotContain("charts/").doesNotContain("## Scaling benchmark");
    }

    @Test
    @DisplayName("a key with backticks, pipes or HTML cannot break the document")
    void quotesTheKey() {
        String key = "a`b|<img src=x onerror=alert(1)>";
        String md = MarkdownReport.render(Synthetic.report(Synthetic.javaClientRun(key), Map.of()), false);

        assertThat(md).contains("Key ``a`b|<img src=x onerror=alert(1)>``, 3 partitions");
        assertThat(md.lines().filter(l -> l.startsWith("| "))).allSatisfy(l ->
                assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count())
                        .as("cells in %s", l).isIn(4L, 5L, 6L));
        assertThat(Markdown.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(Markdown.cell("a|b\nc")).isEqualTo("a\\|b c");
    }
}
