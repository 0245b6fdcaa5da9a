package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.KafkaPartitioning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST /api/runs with the real launcher on a real broker, read back through the JSON API as the page does. */
@KafkaTest
@DisplayName("Dashboard runs on a broker: POST /api/runs, then the live figures through the JSON API")
class DashboardRunsTest {

    static final String KEY = "SUPER_STAR_CONCERT_2026";

    static ExperimentRunLauncher launcher;
    static DashboardServer server;
    static HttpJson http;

    @BeforeAll
    static void start(KafkaBackend kafka) {
        launcher = new ExperimentRunLauncher(new ExperimentRunner(kafka)
                .with(o -> o.withKeepTopics(true)), kafka.clientConfig());
        server = DashboardServer.start(DashboardOptions.defaults().withPort(0), launcher);
        http = new HttpJson(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
        launcher.close();
    }

    @Test
    @DisplayName("a fixed-key run: every record on the key's partition, one of three consumers busy, result published")
    void fixedKeyRun() {
        HttpJson.Answer created = http.postJson("/api/runs",
                "{\"strategy\":\"FIXED_KEY\",\"partitions\":3,\"messages\":300,\"consumers\":3,\"serviceTimeMs\":1}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/runs/" + id);
        int hot = KafkaPartitioning.partitionFor(KEY, 3);

        JsonNode run = awaitFinished(id);

        JsonNode snapshot = run.get("snapshot");
        // A consumer group: the share-group read finds none and the poll stays clean.
        assertThat(snapshot.get("error").isNull()).as("snapshot error %s", snapshot.get("error")).isTrue();
        assertThat(snapshot.get("share").isNull()).as("snapshot.share %s", snapshot.get("share")).isTrue();
        List<Long> records = new ArrayList<>();
        snapshot.get("partitions").forEach(p -> records.add(p.get("records").asLong()));
        List<Long> expected = new ArrayList<>(List.of(0L, 0L, 0L));
        expected.set(hot, 300L);
        assertThat(records).isEqualTo(expected);
        assertThat(snapshot.get("partitions").get(hot).get("idle").asBoolean()).isFalse();
        assertThat(snapshot.get("partitions").get(hot).get("latestKey").asText()).isEqualTo(KEY);
        assertThat(snapshot.get("skew").get("idlePartitions").asInt()).isEqualTo(2);
        assertThat(snapshot.get("skew").get("maxOverMean").asDouble()).isEqualTo(3.0);
        assertThat(snapshot.get("skew").get("activeConsumers").asInt()).isEqualTo(1);
        assertThat(snapshot.get("skew").get("processed").asLong()).isEqualTo(300);
        assertThat(snapshot.get("members")).hasSize(3);

        JsonNode result = run.get("result");
        assertThat(result.get("perPartition").toString()).isEqualTo(expected.toString().replace(" ", ""));
        assertThat(result.get("activeConsumers").asInt()).isEqualTo(1);
        assertThat(result.get("idlePartitions")).hasSize(2).extracting(JsonNode::asInt).doesNotContain(hot);
        assertThat(http.get("/api/results").json().findValuesAsText("runId")).contains(id);
    }

    @Test
    @DisplayName("a partition-aware salted run: an even spread and three busy consumers")
    void spreadRun() {
        HttpJson.Answer created = http.postJson("/api/runs",
                "{\"strategy\":\"PARTITION_AWARE_SALT\",\"partitions\":3,\"messages\":300,\"consumers\":3,\"serviceTimeMs\":1}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        JsonNode run = awaitFinished(id);

        JsonNode skew = run.get("snapshot").get("skew");
        assertThat(skew.get("totalRecords").asLong()).isEqualTo(300);
        assertThat(skew.get("maxOverMean").asDouble()).isEqualTo(1.0);
        assertThat(skew.get("idlePartitions").asInt()).isZero();
        assertThat(skew.get("activeConsumers").asInt()).isEqualTo(3);
        assertThat(run.get("snapshot").get("members").findValuesAsText("processed")).containsOnly("100");
        assertThat(run.get("result").get("perConsumer").toString()).doesNotContain(":0");
    }

    private static JsonNode awaitFinished(String id) {
        await("run " + id + " finished and its final snapshot taken").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode run = http.get("/api/runs/" + id).json();
                    assertThat(run.get("error").isNull()).as("error: %s", run.get("error")).isTrue();
                    assertThat(run.get("status").asText()).isEqualTo("FINISHED");
                    JsonNode snapshot = run.get("snapshot");
                    assertThat(snapshot.get("skew").get("processed").asLong())
                            .isEqualTo(run.get("result").get("messages").asLong());
                });
        return http.get("/api/runs/" + id).json();
    }
}
