package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotkeylab.broker.EmbeddedKafka;
import dev.hotkeylab.broker.ExternalKafka;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.junit.KafkaTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A run started from the form whose external cluster is lost while it consumes: the page shows it FAILED, with why. */
@Tag(KafkaTest.TAG)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("Dashboard: a run whose cluster is lost is shown FAILED with the one-line error naming the cluster")
class DashboardClusterLossTest {

    @Test
    void lostClusterShowsFailed() {
        EmbeddedKafka external = EmbeddedKafka.start(1);
        String bootstrap = external.bootstrapServers();
        try (ExternalKafka backend = ExternalKafka.connect(bootstrap)) {
            ExperimentRunLauncher launcher = new ExperimentRunLauncher(new ExperimentRunner(backend)
                    .with(o -> o.withKeepTopics(true)),
                    backend.clientConfig());
            try (DashboardServer server = DashboardServer.start(DashboardOptions.defaults().withPort(0), launcher)) {
                HttpJson http = new HttpJson(server.url());
                // 3000 requests at 20 ms on 3 consumers: 20 s of consuming, so the loss comes mid-run.
                HttpJson.Answer created = http.postJson("/api/runs", "{\"strategy\":\"PARTITION_AWARE_SALT\","
                        + "\"partitions\":3,\"messages\":3000,\"consumers\":3,\"serviceTimeMs\":20}");
                assertThat(created.status()).isEqualTo(201);
                String id = created.json().get("id").asText();
                await("run " + id + " is running").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(http.get("/api/runs/" + id).json().get("status").asText()).isEqualTo("RUNNING"));

                external.close();

                await("run " + id + " shown FAILED").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> {
                            JsonNode run = http.get("/api/runs/" + id).json();
                            assertThat(run.get("status").asText()).isEqualTo("FAILED");
                            assertThat(run.get("error").asText()).contains("lost the Kafka cluster at " + bootstrap)
                                    .doesNotContain("\n");
                        });
            } finally {
                launcher.close();
            }
        } finally {
            external.close();
        }
    }
}
