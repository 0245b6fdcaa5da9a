package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.cli.Main;
import dev.hotkeylab.findings.RequiredTool;
import dev.hotkeylab.junit.KafkaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code scan} on a topic a non-Java client produced: kcat with librdkafka's default partitioner
 * ({@code consistent_random}, crc32). The scan must count every record and name librdkafka, not the Java client, as
 * the producer. Skipped with the reason where kcat is missing (fails on CI).
 */
@KafkaTest
@DisplayName("scan on a topic kcat produced: counts exact, librdkafka named as the producing client")
class ScanCrossClientTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("kcat (consistent_random): 60 keys x 5 records + 20 hot, on 6 partitions")
    void kcat(KafkaBackend kafka) throws Exception {
        RequiredTool.require(ExternalClients.whyNoKcat());
        String topic = "scan-kcat-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) Math.min(3, kafka.brokers()))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        StringBuilder stdin = new StringBuilder();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add("order-" + i);
        }
        for (int r = 0; r < 5; r++) {
            for (String k : keys) {
                stdin.append(k).append('|').append("v").append('\n');
            }
        }
        for (int r = 0; r < 20; r++) {
            stdin.append("HOT|v\n");
        }
        ExternalClients.Result result = ExternalClients.run(List.of("kcat", "-P", "-b", kafka.bootstrapServers(),
                "-t", topic, "-K", "|", "-X", "message.timeout.ms=15000", "-X", "socket.timeout.ms=10000"),
                stdin.toString(), Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("kcat: %s", result.stderr()).isZero();

        Path out = tmp.resolve("scan");
        CommandLine cli = Main.commandLine();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int code = cli.execute("scan", "--bootstrap", kafka.bootstrapServers(), "--topic", topic, "--out",
                out.toString());
        assertThat(code).as(stderr.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("scan.json").toFile());
        assertThat(doc.get("records").asLong()).isEqualTo(320);
        JsonNode hot = doc.get("topKeys").get(0);
        assertThat(hot.get("key").asText()).isEqualTo("HOT");
        assertThat(hot.get("records").asLong()).isEqualTo(20);
        assertThat(hot.get("partition").asInt()).isEqualTo(ClientModel.LIBRDKAFKA.partitionFor(
                "HOT".getBytes(StandardCharsets.UTF_8), 6));
        List<String> fitting = new ArrayList<>();
        doc.get("clients").forEach(c -> {
            if (c.get("fits").asBoolean()) {
                fitting.add(c.get("client").asText());
            }
        });
        assertThat(fitting).contains("librdkafka", "librdkafka-consistent").doesNotContain("java", "sarama");
        assertThat(stdout.toString()).contains("producing client: the keys sit where librdkafka");
        assertThat(doc.get("whatIf").get("client").asText()).isEqualTo("librdkafka");
    }
}
