package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The complete report folder: JSON, Markdown, HTML and charts, with the bench section kept")
class ReportWriterCompleteTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("writes index.html, report.md, results.json (with claims and figures) and the charts")
    void writesTheWholeFolder() throws Exception {
        Path out = tmp.resolve("report");
        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()), out);

        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("report.md")).isRegularFile();
        assertThat(out.resolve("charts/partitions.png")).isRegularFile();
        JsonNode json = ReportWriter.JSON.readTree(out.resolve("results.json").toFile());
        assertThat(json.get("experiments")).hasSize(4);
        assertThat(json.at("/sections/claims")).hasSize(7);
        assertThat(json.at("/sections/claims/0/verdict").asText()).isEqualTo("HOLDS");
        assertThat(json.at("/sections/figures/timelineBucketMillis").asLong()).isEqualTo(250);
        assertThat(json.at("/sections/figures/strategies/PARTITION_AWARE_SALT/throughputVsFixed").asDouble())
                .isEqualTo(544.0 / 175.0);
        assertThat(json.at("/sections/figures/strategies/FIXED_KEY/recordsPerConsumer").toString())
                .isEqualTo("{\"c0\":0,\"c1\":0,\"c2\":1000}");
        assertThat(json.at("/experiments/0/perPartition").toString()).isEqualTo("[0,0,1000]");
        assertThat(tmp).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".report-"));
    }

    @Test
    @DisplayName("a new run keeps the benchmark of the report it replaces; a new benchmark replaces it")
    void keepsTheBench() throws Exception {
        Path out = tmp.resolve("report");
        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY),
                Map.of(ReportSections.BENCH, Synthetic.bench(2.5))), out);

        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()), out);
        RunReport kept = ReportSections.read(out).orElseThrow();
        assertThat(ReportSections.bench(kept).orElseThrow().speedup(3, "PARTITION_AWARE_SALT")).hasValue(2.5);
        assertThat(out.resolve("charts/speedup.png")).isRegularFile();

        ReportWriter.complete().write(kept.withSection(ReportSections.BENCH, Synthetic.bench(3.0)), out);
        assertThat(ReportSections.bench(ReportSections.read(out).orElseThrow()).orElseThrow()
                .speedup(3, "PARTITION_AWARE_SALT")).hasValue(3.0);
    }

    @Test
    @DisplayName("the benchmark is kept even when the old file's experiments are in a shape this version cannot read")
    void keepsTheBenchOfAnOlderFormat() throws Exception {
        Path out = tmp.resolve("report");
        ReportWriter.complete().write(Synthetic.report(List.of(), Map.of(ReportSections.BENCH, Synthetic.bench(2.5))),
                out);
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) ReportWriter.JSON.readTree(out.resolve("results.json").toFile());
        json.putArray("experiments").addObject().put("strategy", "FIXED_KEY").put("perConsumer", "not a map");
        ReportWriter.JSON.writeValue(out.resolve("results.json").toFile(), json);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ReportSections.read(out)))
                .isInstanceOf(IllegalArgumentException.class);

        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()), out);

        RunReport kept = ReportSections.read(out).orElseThrow();
        assertThat(ReportSections.bench(kept).orElseThrow().speedup(3, "PARTITION_AWARE_SALT")).hasValue(2.5);
        assertThat(kept.experiments()).hasSize(4);
    }

    @Test
    @DisplayName("results.json reads back into the same experiments")
    void roundTrip() {
        Path out = tmp.resolve("report");
        RunReport written = Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY),
                Map.of(ReportSections.BENCH, Synthetic.bench(2.9)));
        ReportWriter.complete().write(written, out);

        RunReport read = ReportSections.read(out).orElseThrow();
        assertThat(read.experiments()).isEqualTo(written.experiments());
        assertThat(ReportSections.bench(read)).isEqualTo(ReportSections.bench(written));
        assertThat(read.command()).isEqualTo(written.command());
    }

    @Test
    @DisplayName("a results.json that is not a report is named in a one-line error")
    void unreadable() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("report"));
        Files.writeString(out.resolve("results.json"), "{ not json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportSections.read(out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("results.json' is not a results.json this version can read")
                .hasMessageNotContaining("\n");
        // A run replacing it does not fail on it.
        ReportWriter.complete().write(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of()), out);
        assertThat(ReportSections.read(out)).isPresent();
    }
}
