package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end on the test's broker (passed as --bootstrap): the report's format and content. */
@KafkaTest
@org.junit.jupiter.api.DisplayName("./hotkey-lab run end to end: the report's format and content")
class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesResultsJsonAndReportMarkdown(KafkaBackend kafka) throws Exception {
        Path out = tmp.resolve("report");
        CliRunner.Outcome o = CliRunner.run("run", "--no-serve", "--out", out.toString(), "--bootstrap",
                kafka.bootstrapServers(), "--strategies", "FIXED_KEY,PARTITION_AWARE_SALT", "--messages", "300",
                "--service-time", "1");
        assertThat(o.exitCode()).as(o.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(json.get("backend").asText()).isEqualTo("external");
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("kafkaVersion").asText()).isNotBlank();
        JsonNode fixed = json.get("experiments").get(0);
        assertThat(fixed.get("strategy").asText()).isEqualTo("FIXED_KEY");
        assertThat(fixed.get("perPartition").toString()).isEqualTo("[0,0,300]");
        assertThat(fixed.get("activeConsumers").asInt()).isEqualTo(1);
        assertThat(fixed.get("idlePartitions").toString()).isEqualTo("[0,1]");
        assertThat(fixed.get("maxOverMean").asDouble()).isEqualTo(3.0);
        assertThat(fixed.get("perConsumer")).hasSize(3);
        JsonNode aware = json.get("experiments").get(1);
        assertThat(aware.get("perPartition").toString()).isEqualTo("[100,100,100]");
        assertThat(aware.get("activeConsumers").asInt()).isEqualTo(3);

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| records per partition | 0 / 0 / 300 | 100 / 100 / 100 |")
                .contains("active consumers | 1 of 3 | 3 of 3");
        assertThat(tmp).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".report-"));
    }

    @Test
    void aShortTimeoutBoundsTheStrategyNotTheWarmUp(KafkaBackend kafka) {
        // 2000 requests at 5 ms each on FIXED_KEY's one active consumer take ~10 s: FIXED_KEY exceeds 1 s. The
        // discarded warm-up (PARTITION_AWARE_SALT) has its own limit and must not be the run that fails.
        Path out = tmp.resolve("report");
        CliRunner.Outcome o = CliRunner.run("run", "--no-serve", "--out", out.toString(), "--bootstrap",
                kafka.bootstrapServers(), "--strategies", "FIXED_KEY", "--messages", "2000", "--service-time", "5",
                "--timeout", "1");
        assertThat(o.exitCode()).as(o.err()).isEqualTo(1);
        // Which phase the 1 s runs out in (settling, draining) varies with the machine's load; the run named does not.
        assertThat(o.err()).startsWith("run failed: ").contains("FIXED_KEY").contains("within 1 s")
                .doesNotContain("PARTITION_AWARE_SALT").doesNotContain("warm-up");
        assertThat(out).doesNotExist();
    }
}
