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

/** bench end to end on the test's broker, merging into the folder that run wrote, and run keeping it after. */
@KafkaTest
@org.junit.jupiter.api.DisplayName("./hotkey-lab bench end to end, merged into the run's report folder")
class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void benchMergesIntoTheReportAndRunKeepsIt(KafkaBackend kafka) throws Exception {
        Path out = tmp.resolve("report");
        String bootstrap = kafka.bootstrapServers();
        String[] run = {"run", "--no-serve", "--out", out.toString(), "--bootstrap", bootstrap, "--strategies",
            "FIXED_KEY,PARTITION_AWARE_SALT", "--messages", "60", "--service-time", "1"};
        assertThat(CliRunner.run(run).exitCode()).isZero();

        CliRunner.Outcome bench = CliRunner.run("bench", "--out", out.toString(), "--bootstrap", bootstrap, "--n",
                "1,2", "--messages", "30", "--service-time", "1", "--strategies", "PARTITION_AWARE_SALT",
                "--no-warmup");
        assertThat(bench.exitCode()).as(bench.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(json.get("experiments")).as("run's experiments kept").hasSize(2);
        JsonNode section = json.at("/sections/bench");
        assertThat(section.get("ns").toString()).isEqualTo("[1,2]");
        assertThat(section.get("messagesPerPartition").asInt()).isEqualTo(30);
        assertThat(section.get("command").asText()).startsWith("./hotkey-lab bench --n 1,2 --messages 30");
        assertThat(section.get("points")).hasSize(4);
        JsonNode saltedAtTwo = section.get("points").get(3);
        assertThat(saltedAtTwo.get("strategy").asText()).isEqualTo("PARTITION_AWARE_SALT");
        assertThat(saltedAtTwo.get("n").asInt()).isEqualTo(2);
        assertThat(saltedAtTwo.get("messages").asInt()).isEqualTo(60);
        assertThat(saltedAtTwo.get("perPartition").toString()).isEqualTo("[30,30]");
        assertThat(saltedAtTwo.get("activeConsumers").asInt()).isEqualTo(2);
        assertThat(json.at("/sections/claims")).isNotEmpty();
        assertThat(out.resolve("charts/speedup.png")).isRegularFile();
        assertThat(out.resolve("charts/partitions.png")).isRegularFile();
        assertThat(Files.readString(out.resolve("index.html"))).contains("id=\"bench\"", "id=\"comparison\"");

        assertThat(CliRunner.run(run).exitCode()).isZero();
        JsonNode after = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(after.at("/sections/bench/points")).as("run keeps the bench section").hasSize(4);
        assertThat(tmp).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".report-"));
    }
}
