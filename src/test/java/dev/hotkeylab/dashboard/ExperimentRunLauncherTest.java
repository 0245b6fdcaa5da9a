package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.junit.KafkaTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dashboard's form, wired as `./hotkey-lab run` wires it: a POST runs the real experiment runner. */
@KafkaTest
@org.junit.jupiter.api.DisplayName("Dashboard form: a POST runs the real experiment runner")
class ExperimentRunLauncherTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRunStartedFromThePageIsMeasuredByTheRunnerAndShown(KafkaBackend kafka) throws Exception {
        try (ExperimentRunLauncher launcher = new ExperimentRunLauncher(new ExperimentRunner(kafka),
                kafka.clientConfig());
                DashboardServer server = DashboardServer.start(DashboardOptions.defaults().withPort(0), launcher)) {
            HttpResponse<String> created = post(server, "{\"strategy\":\"PARTITION_AWARE_SALT\",\"messages\":300,"
                    + "\"consumers\":3,\"serviceTimeMs\":1}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json.readTree(created.body()).get("id").asText();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode run = get(server, "/api/runs/" + id);
                assertThat(run.get("status").asText()).isEqualTo("FINISHED");
            });
            JsonNode row = get(server, "/api/results").get(0).get("result");
            assertThat(row.get("strategy").asText()).isEqualTo("PARTITION_AWARE_SALT");
            assertThat(row.get("perPartition").toString()).isEqualTo("[100,100,100]");
            assertThat(row.get("activeConsumers").asInt()).isEqualTo(3);
            assertThat(row.get("idlePartitions").size()).isZero();
        }
    }

    @Test
    void theFormIsHeldWhileTheMainJobRuns(KafkaBackend kafka) throws Exception {
        try (ExperimentRunLauncher launcher = new ExperimentRunLauncher(new ExperimentRunner(kafka),
                kafka.clientConfig());
                DashboardServer server = DashboardServer.start(DashboardOptions.defaults().withPort(0), launcher)) {
            assertThat(launcher.hold()).isTrue(); // as while the main job runs its own experiments
            HttpResponse<String> refused = post(server, "{\"strategy\":\"FIXED_KEY\"}");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("the main job's runs are in progress");
        }
    }

    private HttpResponse<String> post(DashboardServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(DashboardServer server, String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
