package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench --perf on the test's broker: Kafka's ProducerPerformance and ConsumerPerformance ran, the harness ran, and the
 * ratios are in results.json's perf section (their goals, 0.8 and 0.5, are reported, not asserted).
 */
@KafkaTest
@org.junit.jupiter.api.DisplayName("./hotkey-lab bench --perf writes Kafka's rates, the harness's and their ratios")
class BenchPerfTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheRatiosIntoThePerfSection(KafkaBackend kafka) throws Exception {
        Path out = tmp.resolve("report");
        CliRunner.Outcome bench = CliRunner.run("bench", "--perf", "3000", "--out", out.toString(), "--bootstrap",
                kafka.bootstrapServers());
        assertThat(bench.exitCode()).as(bench.err()).isZero();

        JsonNode perf = new ObjectMapper().readTree(out.resolve("results.json").toFile()).at("/sections/perf");
        assertThat(perf.get("messages").asInt()).isEqualTo(3000);
        assertThat(perf.get("producerPerformanceLine").asText()).startsWith("3000 records sent");
        assertThat(perf.get("consumerPerformanceLine").asText()).contains("fetch.nMsg.sec");
        for (String rate : new String[] {"producerPerformancePerSecond", "consumerPerformanceFetchPerSecond",
            "harnessPerSecond", "harnessFixedKeyPerSecond", "harnessConsumerPerSecond"}) {
            assertThat(perf.get(rate).asDouble()).as(rate).isPositive();
        }
        assertThat(perf.get("producerRatio").asDouble())
                .isEqualTo(perf.get("harnessPerSecond").asDouble() / perf.get("producerPerformancePerSecond").asDouble());
        assertThat(perf.get("consumerRatio").asDouble()).isEqualTo(perf.get("harnessConsumerPerSecond").asDouble()
                / perf.get("consumerPerformanceFetchPerSecond").asDouble());
        assertThat(perf.get("commits").asText()).startsWith("throughput");
        assertThat(java.nio.file.Files.readString(out.resolve("report.md")))
                .contains("The harness beside Kafka's own tools", "ProducerPerformance");
    }

    @Test
    void aPerfCountOutOfRangeIsOneLineAndExitTwo() {
        CliRunner.Outcome bench = CliRunner.run("bench", "--perf", "5", "--out", tmp.resolve("r").toString());
        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("perf must be in [1000, 100000000] requests but got 5");
        assertThat(bench.err().strip().lines()).hasSize(1);
        assertThat(tmp.resolve("r")).doesNotExist();
    }
}
