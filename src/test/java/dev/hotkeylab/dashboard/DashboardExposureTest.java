package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.experiment.ExperimentRunner;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Dashboard exposure: only its own Host is answered, runs from the form are capped (no broker)")
class DashboardExposureTest {

    /** One raw HTTP/1.1 request with the given Host header (java.net.http does not let a caller set Host). */
    private static String rawRequest(int port, String method, String path, String host, String body) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("a request whose Host is another name (DNS rebinding) is refused with 403; its own names are answered")
    void hostHeader() throws Exception {
        try (DashboardServer server = DashboardServer.start(DashboardOptions.defaults().withPort(0), null)) {
            int port = server.port();

            String rebinding = rawRequest(port, "POST", "/api/runs", "attacker.example:" + port,
                    "{\"strategy\":\"FIXED_KEY\"}");
            assertThat(rebinding).startsWith("HTTP/1.1 403").contains("Host 'attacker.example:" + port
                    + "' is not this dashboard's address");
            assertThat(rawRequest(port, "GET", "/api/state", "attacker.example", "")).startsWith("HTTP/1.1 403");
            assertThat(rawRequest(port, "GET", "/api/state", "127.0.0.1:" + (port + 1), "")).startsWith("HTTP/1.1 403");

            assertThat(rawRequest(port, "GET", "/api/state", "127.0.0.1:" + port, "")).startsWith("HTTP/1.1 200");
            assertThat(rawRequest(port, "GET", "/api/state", "localhost:" + port, "")).startsWith("HTTP/1.1 200");
        }
    }

    @ParameterizedTest(name = "listening on {0}, Host {1} -> {2}")
    @CsvSource({
        "127.0.0.1, 127.0.0.1:8080, true",
        "127.0.0.1, localhost:8080, true",
        "127.0.0.1, [::1]:8080, true",
        "127.0.0.1, LOCALHOST:8080, true",
        "127.0.0.1, evil.localhost.example:8080, false",
        "127.0.0.1, 127.0.0.1:8081, false",
        "127.0.0.1, 127.0.0.1, false",
        "0.0.0.0, anything.example:8080, true",
        "::1, [::1]:8080, true",
    })
    void hostCheck(String listen, String header, boolean allowed) {
        assertThat(HostCheck.allowed(listen, 8080, header)).isEqualTo(allowed);
    }

    @Test
    @DisplayName("more runs than allowed at once get 429 with a clear message")
    void concurrentRunsCapped() throws Exception {
        // Runs against an address where nothing listens wait there (for up to 20 s) before they fail: long enough to
        // hold every slot while the next POST arrives.
        ExperimentRunLauncher launcher = new ExperimentRunLauncher(new ExperimentRunner(
                new DashboardApiTest.Unreachable())
                        .with(o -> o.withAdminTimeout(Duration.ofSeconds(20))), Map.of("bootstrap.servers",
                DashboardApiTest.NOBODY));
        try (DashboardServer server = DashboardServer.start(DashboardOptions.defaults().withPort(0), launcher)) {
            HttpJson http = new HttpJson(server.url());
            String body = "{\"strategy\":\"FIXED_KEY\",\"partitions\":3,\"messages\":10,\"consumers\":1,\"serviceTimeMs\":0}";
            List<CompletableFuture<HttpJson.Answer>> holding = new ArrayList<>();
            for (int i = 0; i < ExperimentRunLauncher.MAX_CONCURRENT_RUNS; i++) {
                holding.add(CompletableFuture.supplyAsync(() -> http.postJson("/api/runs", body)));
            }
            await("every slot taken").atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(launcher.running()).isEqualTo(ExperimentRunLauncher.MAX_CONCURRENT_RUNS));

            HttpJson.Answer refused = http.postJson("/api/runs", body);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asText()).isEqualTo(ExperimentRunLauncher.MAX_CONCURRENT_RUNS
                    + " runs are in progress and at most " + ExperimentRunLauncher.MAX_CONCURRENT_RUNS
                    + " may run at once; start yours when one has finished");
        } finally {
            launcher.close();
        }
    }
}
