package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What other tools leave in the report folder survives the next report and is shown in it. */
@org.junit.jupiter.api.DisplayName("Report: what other tools measured is carried into the next report, apart from the run")
class ArtifactsTest {

    @TempDir
    Path tmp;

    private static final String CLIENTS = """
            {"keys": ["K", "K_0", "K_1", "K_2"], "partitions": 3, "clients": [
              {"client": "java", "library": "kafka-clients 4.3.1", "observed": {"K": 2, "K_0": 2, "K_1": 1, "K_2": 2},
               "agrees": true, "saltedSpreadOverAllPartitions": false},
              {"client": "kafkajs-legacy", "library": "kafkajs <b>2.2.4</b> legacy",
               "observed": {"K": 2, "K_0": 0, "K_1": 1, "K_2": 2}, "agrees": true,
               "saltedSpreadOverAllPartitions": true},
              {"client": "kcat-default", "library": "kcat", "observed": null, "skipped": "kcat is not installed"}]}
            """;

    private static final String PARALLEL = """
            {"messages": 600, "serviceTimeMillis": 5.0, "concurrency": 3, "users": 50, "runs": [
              {"run": "parallel-consumer KEY", "throughputPerSecond": 187.2, "maxInFlight": 1,
               "orderingViolationsPerConcert": 0, "orderingViolationsPerUser": 0}]}
            """;

    private static final String JMH = """
            [{"benchmark": "dev.hotkeylab.bench.KeyStrategyBench.keyFor", "params": {"strategy": "FIXED_KEY"},
              "primaryMetric": {"score": 0.8, "scoreError": 0.1, "scoreUnit": "ns/op"}}]
            """;

    @Test
    void measurementsAreCarriedIntoTheNextReportAndShownWithWhereAndWhen() throws Exception {
        Path out = tmp.resolve("report");
        Files.createDirectories(out);
        Files.writeString(out.resolve("clients.json"), CLIENTS);
        Files.writeString(out.resolve("parallel-consumer.json"), PARALLEL);
        Files.writeString(out.resolve("jmh-results.json"), JMH);
        Files.writeString(out.resolve("findings.html"), "<html>findings</html>");

        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()), out);

        assertThat(out.resolve("clients.json")).hasContent(CLIENTS);
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).doesNotContain("dashboard.png")
                .contains("Measured by ParallelConsumerComparisonTest (mvn test) at ", ", not by this run.")
                .contains("Measured by JMH (mvn -Pbench test-compile exec:exec) at ")
                .contains("Salted keys with real clients").contains("Measured by the cross-client test")
                .contains("<a href=\"findings.html\">")
                .contains("The alternative: concurrency inside one partition").contains("parallel-consumer KEY")
                .contains("Per-record cost (JMH)").contains("KeyStrategyBench.keyFor")
                .contains("kafkajs &lt;b&gt;2.2.4&lt;/b&gt; legacy").doesNotContain("<b>2.2.4</b>");
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("[findings.html](findings.html)").contains("| parallel-consumer KEY | 187 | 1 |");
        String json = Files.readString(out.resolve("results.json"));
        assertThat(json).contains("\"clients\"").contains("\"parallelConsumer\"").contains("\"jmh\"");
    }

    @Test
    void theFindingsPageIsLinkedOnlyWhenItIsThere() throws Exception {
        Path out = tmp.resolve("report");
        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()), out);

        assertThat(out.resolve("findings.html")).doesNotExist();
        assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("href=\"findings.html\"")
                .contains("Findings: run mvn test to write findings.html");
        assertThat(Files.readString(out.resolve("report.md"))).doesNotContain("](findings.html)")
                .contains("run `mvn test` to write findings.html beside this report");

        Files.writeString(out.resolve("findings.html"), "<html>findings</html>");
        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()), out);

        assertThat(out.resolve("findings.html")).hasContent("<html>findings</html>");
        assertThat(Files.readString(out.resolve("index.html"))).contains("<a href=\"findings.html\">Findings of mvn test</a>");
        assertThat(Files.readString(out.resolve("report.md"))).contains("[findings.html](findings.html)");
    }

    @Test
    void oneClaimPerRealClientWithItsVerdict() throws Exception {
        var clients = ReportSections.READER.readTree(CLIENTS);
        var rows = ClaimsChecked.perClient(clients);

        assertThat(rows).extracting(ClaimsChecked.Claim::id)
                .containsExactly("client-java", "client-kafkajs-legacy", "client-kcat-default");
        assertThat(rows.get(0).verdict()).isEqualTo(ClaimsChecked.Verdict.DOES_NOT_HOLD);
        assertThat(rows.get(0).measured()).startsWith("_0 -> 2, _1 -> 1, _2 -> 2");
        assertThat(rows.get(1).verdict()).isEqualTo(ClaimsChecked.Verdict.HOLDS);
        assertThat(rows.get(2).verdict()).isEqualTo(ClaimsChecked.Verdict.NOT_MEASURED);
        assertThat(rows.get(2).verdictText()).contains("kcat is not installed");
    }

    @Test
    void withoutArtifactsNothingExtraAppears() throws Exception {
        Path out = tmp.resolve("plain");
        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()), out);
        assertThat(out.resolve("dashboard.png")).doesNotExist();
        assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("<img src=\"dashboard.png\"")
                .doesNotContain("Per-record cost (JMH)");
    }
}
