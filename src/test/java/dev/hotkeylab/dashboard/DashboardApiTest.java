package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotkeylab.broker.BackendKind;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.keys.Strategy;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON API without a broker: status codes, shapes and errors. The launcher is the real one, pointed at a port
 * where nothing listens, so bad input must be refused before it is called and a good request fails fast with 503.
 */
@DisplayName("Dashboard JSON API (no broker)")
class DashboardApiTest {

    static final String NOBODY = "127.0.0.1:1";

    /** A cluster address where nothing listens, without the connection check ExternalKafka makes on open. */
    static final class Unreachable implements KafkaBackend {
        @Override public BackendKind kind() { return BackendKind.EXTERNAL; }
        @Override public String bootstrapServers() { return NOBODY; }
        @Override public int brokers() { return 1; }
        @Override public String kafkaVersion() { return "none"; }
        @Override public void close() { }
    }

    @TempDir
    static Path reportDir;
    static ExperimentRunLauncher launcher;
    static DashboardServer server;
    static HttpJson http;

    @BeforeAll
    static void start() {
        launcher = new ExperimentRunLauncher(new ExperimentRunner(new Unreachable())
                .with(o -> o.withAdminTimeout(Duration.ofSeconds(1))),
                Map.of("bootstrap.servers", NOBODY));
        server = DashboardServer.start(DashboardOptions.defaults().withPort(0).withReportDir(reportDir), launcher);
        http = new HttpJson(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
        launcher.close();
    }

    @Nested
    @DisplayName("the page")
    class Page {

        @Test
        @DisplayName("GET / serves the page with a Content-Security-Policy that allows no inline script")
        void page() {
            HttpJson.Answer a = http.get("/");

            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).startsWith("text/html");
            assertThat(a.body()).contains("<title>hotkey-lab", "/vendor/chart.umd.min.js", "/dashboard.js");
            assertThat(a.raw().headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self'").doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        }

        @Test
        @DisplayName("Chart.js is served from its webjar in the jar, not from the internet")
        void chartJsFromWebjar() {
            HttpJson.Answer a = http.get("/vendor/chart.umd.min.js");

            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).startsWith("text/javascript");
            assertThat(a.body()).hasSizeGreaterThan(100_000).contains("Chart.js v4");
        }

        @Test
        @DisplayName("the page's script writes text nodes only, never HTML")
        void scriptNeverWritesHtml() {
            String js = http.get("/dashboard.js").body();

            assertThat(js).contains("textContent", "createTextNode")
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write");
        }
    }

    @Nested
    @DisplayName("reading")
    class Reading {

        @Test
        @DisplayName("GET /api/state has runs, results, inventory and says the page may launch runs")
        void state() {
            JsonNode s = http.get("/api/state").json();

            assertThat(s.get("runs").isArray()).isTrue();
            assertThat(s.get("results").isArray()).isTrue();
            assertThat(s.get("inventory").isArray()).isTrue();
            assertThat(s.get("canLaunch").asBoolean()).isTrue();
            assertThat(s.get("generatedAtMillis").asLong()).isPositive();
        }

        @Test
        @DisplayName("GET /api/strategies lists every strategy with its description")
        void strategies() {
            JsonNode s = http.get("/api/strategies").json();

            assertThat(s.findValuesAsText("name")).containsExactlyElementsOf(
                    Arrays.stream(Strategy.values()).map(Enum::name).toList());
            assertThat(s.get(0).get("description").asText()).isEqualTo(Strategy.values()[0].description());
        }

        @Test
        @DisplayName("an unknown run is 404 with a JSON error naming it")
        void unknownRun() {
            HttpJson.Answer a = http.get("/api/runs/run-999");

            assertThat(a.status()).isEqualTo(404);
            assertThat(a.json().get("error").asText()).startsWith("no run 'run-999'; known runs: ");
        }

        @Test
        @DisplayName("an unknown /api path is 404 with a JSON error")
        void unknownEndpoint() {
            HttpJson.Answer a = http.get("/api/nope");

            assertThat(a.status()).isEqualTo(404);
            assertThat(a.json().get("error").asText()).isEqualTo("no endpoint GET /api/nope; see docs/dashboard-api.md");
        }

        @Test
        @DisplayName("GET /api/events streams the state as a Server-Sent Event at once")
        void serverSentEvents() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/events"))
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<InputStream> response = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
                assertThat(lines.readLine()).isEqualTo("event: state");
                String data = lines.readLine();
                assertThat(data).startsWith("data: ");
                JsonNode state = HttpJson.JSON.readTree(data.substring("data: ".length()));
                assertThat(state.has("runs")).isTrue();
                assertThat(state.has("results")).isTrue();
            }
        }
    }

    @Nested
    @DisplayName("POST /api/runs")
    class Launching {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "{\"strategy\":\"FIXED_KEY\",\"partitions\":0}          | partitions must be >= 1 but got 0",
            "{\"strategy\":\"FIXED_KEY\",\"partitions\":\"0\"}      | partitions must be >= 1 but got 0",
            "{\"strategy\":\"FIXED_KEY\",\"messages\":\"lots\"}     | messages must be an integer but got 'lots'",
            "{\"strategy\":\"FIXED_KEY\",\"consumers\":99}          | consumers must be <= 32 but got 99",
            "{\"strategy\":\"FIXED_KEY\",\"serviceTimeMs\":-1}      | serviceTimeMs must be >= 0 but got -1",
            "{\"strategy\":\"FIXED_KEY\",\"colour\":\"red\"}        | unknown parameter 'colour'; allowed: strategy, key, partitions, messages, consumers, serviceTimeMs, seed, groupType",
            "{\"strategy\":\"FIXED_KEY\",\"partitions\":[3]}        | parameter 'partitions' must be a string or a number but got array",
            "[1,2]                                                  | request body must be a JSON object like {\"strategy\": \"FIXED_KEY\"} but got array",
        })
        @DisplayName("bad input is HTTP 400 with a one-line JSON error, and nothing is launched")
        void badInput(String body, String error) {
            int runsBefore = server.runs().size();

            HttpJson.Answer a = http.postJson("/api/runs", body);

            assertThat(a.status()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.json().get("error").asText()).isEqualTo(error).doesNotContain("\n");
            assertThat(server.runs()).hasSize(runsBefore);
        }

        @Test
        @DisplayName("an unknown strategy is 400 listing the allowed ones")
        void unknownStrategy() {
            HttpJson.Answer a = http.postJson("/api/runs", "{\"strategy\":\"HOT\"}");

            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("error").asText()).isEqualTo("unknown strategy 'HOT'; allowed: " + Strategy.allowedNames());
        }

        @Test
        @DisplayName("a body that is not JSON is 400")
        void notJson() {
            HttpJson.Answer a = http.postJson("/api/runs", "strategy=FIXED_KEY");

            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("error").asText()).startsWith("request body is not valid JSON: ");
        }

        @Test
        @DisplayName("a form post (what another site could send) is 415: only JSON is accepted")
        void formPostRefused() {
            HttpJson.Answer a = http.post("/api/runs", "application/x-www-form-urlencoded", "strategy=FIXED_KEY");

            assertThat(a.status()).isEqualTo(415);
            assertThat(a.json().get("error").asText()).isEqualTo("POST /api/runs takes a JSON object with Content-Type "
                    + "application/json but got 'application/x-www-form-urlencoded'");
        }

        @Test
        @DisplayName("a good request against an unreachable cluster is 503 within seconds, naming the cluster")
        void unreachableCluster() {
            HttpJson.Answer a = http.postJson("/api/runs", "{\"strategy\":\"FIXED_KEY\",\"messages\":10}");

            assertThat(a.status()).isEqualTo(503);
            assertThat(a.json().get("error").asText()).startsWith("the run did not start: could not create topic hotkey-fixed-key-")
                    .contains(NOBODY).doesNotContain("\n");
        }

        @Test
        @DisplayName("a dashboard without a launcher answers 503 and tells the page not to offer the form")
        void watchOnly() {
            try (DashboardServer watchOnly = DashboardServer.start(DashboardOptions.defaults().withPort(0), null)) {
                HttpJson other = new HttpJson(watchOnly.url());

                HttpJson.Answer a = other.postJson("/api/runs", "{\"strategy\":\"FIXED_KEY\"}");

                assertThat(a.status()).isEqualTo(503);
                assertThat(a.json().get("error").asText()).isEqualTo("this dashboard only watches; it was started without a run launcher");
                assertThat(other.get("/api/state").json().get("canLaunch").asBoolean()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("publishing (what the experiment runner calls)")
    class Publishing {

        @Test
        @DisplayName("a run, its result, inventory and report appear in /api/runs, /api/results, /api/inventory")
        void publishedRun() throws Exception {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("strategy", "RANDOM_SALT");
            params.put("key", "K");
            String id = server.publisher().runStarted(new RunInfo("RANDOM_SALT / 3 consumers", "t-published", "g-published", Map.of(), params));

            JsonNode running = http.get("/api/runs/" + id).json();
            assertThat(running.get("status").asText()).isEqualTo("RUNNING");
            assertThat(running.get("params").get("key").asText()).isEqualTo("K");
            assertThat(running.get("snapshot").isNull()).isTrue();
            assertThat(running.get("href").asText()).isEqualTo("/api/runs/" + id);

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("strategy", "RANDOM_SALT");
            result.put("perPartition", List.of(0, 338, 662));
            result.put("activeConsumers", 2);
            server.publisher().inventoryUpdated(id, Map.of("capacity", 100, "sold", 103, "oversold", 3, "duplicatesRefused", 7));
            Path report = Files.createDirectories(reportDir.resolve(id)).resolve("report.md");
            Files.writeString(report, "# report of " + id + "\n");
            server.publisher().reportWritten(id, report);
            server.publisher().runFinished(id, result);

            JsonNode finished = http.get("/api/runs/" + id).json();
            assertThat(finished.get("status").asText()).isEqualTo("FINISHED");
            assertThat(finished.get("finishedAtMillis").asLong()).isGreaterThanOrEqualTo(finished.get("startedAtMillis").asLong());
            assertThat(finished.get("result").get("perPartition").toString()).isEqualTo("[0,338,662]");
            assertThat(finished.get("reportHref").asText()).isEqualTo("/reports/" + id + "/report.md");

            JsonNode row = lastWithRunId(http.get("/api/results").json(), id);
            assertThat(row.get("label").asText()).isEqualTo("RANDOM_SALT / 3 consumers");
            assertThat(row.get("result").get("activeConsumers").asInt()).isEqualTo(2);
            JsonNode inv = lastWithRunId(http.get("/api/inventory").json(), id);
            assertThat(inv.get("inventory").get("oversold").asInt()).isEqualTo(3);
            assertThat(inv.get("inventory").get("duplicatesRefused").asInt()).isEqualTo(7);

            HttpJson.Answer served = http.get("/reports/" + id + "/report.md");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.body()).isEqualTo("# report of " + id + "\n");

            JsonNode summary = lastWithId(http.get("/api/runs").json(), id);
            assertThat(summary.get("snapshot").isNull()).isTrue();
            assertThat(summary.get("result").isNull()).isTrue();
        }

        @Test
        @DisplayName("reports outside the report folder are neither linked nor served")
        void reportTraversal() throws Exception {
            Path outside = Files.createTempFile("outside", ".md");
            String id = server.publisher().runStarted(new RunInfo("x", "t-x", null, Map.of(), Map.of()));

            assertThatThrownBy(() -> server.publisher().reportWritten(id, outside))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must lie under");
            // Jetty refuses an encoded "../" itself (400); a plain one is normalized away before routing (404).
            HttpJson.Answer encoded = http.get("/reports/..%2F..%2F" + outside.getFileName());
            assertThat(encoded.status()).isIn(400, 404);
            HttpJson.Answer plain = http.get("/reports/../pom.xml");
            assertThat(plain.status()).isIn(400, 404);
            assertThat(plain.body()).doesNotContain("<artifactId>");
        }

        @Test
        @DisplayName("publishing for an unknown run id is an error naming it")
        void unknownRunId() {
            assertThatThrownBy(() -> server.publisher().runFinished("run-0", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("no run 'run-0'; known runs: ");
        }
    }

    @Nested
    @DisplayName("binding")
    class Binding {

        @Test
        @DisplayName("defaults to 127.0.0.1:8080")
        void defaults() {
            assertThat(DashboardOptions.defaults().host()).isEqualTo("127.0.0.1");
            assertThat(DashboardOptions.defaults().port()).isEqualTo(8080);
            assertThat(server.url()).startsWith("http://127.0.0.1:");
        }

        @Test
        @DisplayName("a taken port is a one-line error naming the port")
        void portInUse() {
            int taken = server.port();

            assertThatThrownBy(() -> DashboardServer.start(DashboardOptions.defaults().withPort(taken), null))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("cannot start the dashboard: port " + taken + " on 127.0.0.1 is already in use; choose another with --port");
        }

        @Test
        @DisplayName("a bad port is refused before binding")
        void badPort() {
            assertThatThrownBy(() -> DashboardOptions.defaults().withPort(70_000))
                    .hasMessage("port must be in [0, 65535] but got 70000");
        }
    }

    private static JsonNode lastWithRunId(JsonNode array, String id) {
        JsonNode found = null;
        for (JsonNode n : array) {
            if (id.equals(n.get("runId").asText())) {
                found = n;
            }
        }
        assertThat(found).as("entry for %s in %s", id, array).isNotNull();
        return found;
    }

    private static JsonNode lastWithId(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.get("id").asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
