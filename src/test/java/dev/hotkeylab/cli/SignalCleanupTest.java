package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.junit.KafkaTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * SIGTERM (what Ctrl-C's SIGINT also triggers: the JVM's shutdown hooks) to a real hotkey-lab process: the stores drop
 * their data, the broker stops before its folder is deleted, and stderr carries the project's own line only.
 */
@Tag(KafkaTest.TAG)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("SIGTERM to run --no-serve and broker: stores and broker folders cleaned up, one line on stderr")
class SignalCleanupTest {

    static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @TempDir
    Path tmp;

    /** A hotkey-lab JVM on the test's class path, with its own temp dir; stdout and stderr go to files. */
    private Process start(Path javaTmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + javaTmp, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    }

    private List<String> out() throws IOException {
        return Files.readAllLines(tmp.resolve("stdout.txt"));
    }

    private List<String> err() throws IOException {
        return Files.readAllLines(tmp.resolve("stderr.txt"));
    }

    private static List<Path> brokerDirs(Path javaTmp) throws IOException {
        try (Stream<Path> s = Files.list(javaTmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("hotkey-kafka-")).toList();
        }
    }

    @Test
    @DisplayName("broker: a crash leftover is swept at start; SIGTERM prints no Kafka ERROR and deletes the folder")
    void broker() throws Exception {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = Files.createDirectories(javaTmp.resolve("hotkey-kafka-" + gone.pid() + "-123/broker_0_data0"));
        Process broker = start(javaTmp, "broker");

        await("the broker's bootstrap line").atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(out()).anyMatch(l -> l.startsWith("bootstrap: ")));
        assertThat(leftover.getParent()).doesNotExist();
        assertThat(brokerDirs(javaTmp)).hasSize(1);

        broker.destroy(); // SIGTERM
        assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        broker.destroyForcibly();

        assertThat(err()).as("stderr after SIGTERM").noneMatch(l -> l.contains("ERROR") || l.contains("Exception"));
        assertThat(brokerDirs(javaTmp)).isEmpty();
    }

    @Test
    @DisplayName("run serving the dashboard: SIGTERM prints no Kafka ERROR and leaves no broker folder")
    void runServing() throws Exception {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Process run = start(javaTmp, "run", "--port", "0", "--strategies", "FIXED_KEY", "--messages", "20",
                "--out", tmp.resolve("report").toString());
        try {
            await("serving").atMost(Duration.ofSeconds(120))
                    .untilAsserted(() -> assertThat(out()).anyMatch(l -> l.startsWith("Serving the dashboard")));

            run.destroy(); // SIGTERM
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(err()).as("stderr after SIGTERM").noneMatch(l -> l.contains("ERROR") || l.contains("Exception"));
            assertThat(brokerDirs(javaTmp)).isEmpty();
            assertThat(tmp.resolve("report").resolve("results.json")).isRegularFile();
        } finally {
            run.destroyForcibly();
        }
    }

    @Test
    @DisplayName("run --no-serve at service time 0 under load: SIGTERM mid-run exits 143 within 5 s, one line, nothing "
            + "left")
    void runUnderLoad(org.junit.jupiter.api.TestReporter reporter) throws Exception {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        // 3*10^6 requests at service time 0 (records deleted as consumed, throughput commits): the producer, three
        // consumers and the broker all busy when the signal comes. Measured here from SIGINT to exit: 0.5 to 1.6 s at
        // load average 13 to 16 on 2 shared cores (median 0.88 s); 5 s is the bound a loaded CI machine keeps.
        Process run = start(javaTmp, "run", "--no-serve", "--strategies", "PARTITION_AWARE_SALT", "--service-time", "0",
                "--messages", "3000000", "--timeout", "600", "--out", tmp.resolve("report").toString());
        try {
            await("the run under way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(out()).anyMatch(l -> l.startsWith("Running PARTITION_AWARE_SALT")));
            assertThat(brokerDirs(javaTmp)).hasSize(1);
            // Records on the broker's disk: the producer is sending (20 MB is about 10^5 requests).
            await("20 MB of the run's records on the broker").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> bytesUnder(brokerDirs(javaTmp).get(0)) > 20_000_000L);

            long signalled = System.nanoTime();
            run.destroy(); // SIGTERM
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            reporter.publishEntry("signal to exit (ms)", String.valueOf(millis));

            assertThat(run.exitValue()).as("stdout %s, stderr %s", out(), err()).isEqualTo(143);
            assertThat(millis).as("signal to exit").isLessThan(5_000);
            assertThat(err()).containsExactly(
                    "run: stopped by a signal; what it had started is closed and its data removed");
            assertThat(brokerDirs(javaTmp)).isEmpty();
            assertThat(tmp.resolve("report")).doesNotExist();
        } finally {
            run.destroyForcibly();
        }
    }

    private static long bytesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            // Segment files only: a segment's index files are preallocated (10 MiB each) before any record arrives.
            return files.filter(p -> p.getFileName().toString().endsWith(".log")
                    && p.getParent().getFileName().toString().startsWith("hotkey-"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @ParameterizedTest(name = "run --no-serve --inventory {0}: SIGTERM mid-run drops the store's data")
    @ValueSource(strings = {"redis-lua", "sql-conditional"})
    void runWithStore(String store) throws Exception {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        String key = "I12-SIGTERM-" + UUID.randomUUID();
        // 20000 requests at 5 ms on the one busy consumer of FIXED_KEY: about 100 s, so the signal comes mid-run.
        Process run = start(javaTmp, "run", "--no-serve", "--strategies", "FIXED_KEY", "--key", key,
                "--messages", "20000", "--service-time", "5", "--inventory", store,
                "--out", tmp.resolve("report").toString());
        try {
            await("the store holds the concert").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(store.startsWith("redis") ? List.copyOf(redisKeys(key))
                            : schemasHolding(key))
                            .as("stdout %s, stderr %s", out(), err()).isNotEmpty());

            run.destroy(); // SIGTERM
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(redisKeys(key)).isEmpty();
            assertThat(schemasHolding(key)).isEmpty();
            assertThat(run.exitValue()).as("stdout %s, stderr %s", out(), err()).isEqualTo(143);
            assertThat(err()).as("stdout %s", out())
                    .containsExactly("run: stopped by a signal; what it had started is closed and its data removed");
            assertThat(brokerDirs(javaTmp)).isEmpty();
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.map(p -> p.getFileName().toString())).doesNotContain("report")
                        .noneMatch(n -> n.startsWith(".report-"));
            }
        } finally {
            run.destroyForcibly();
        }
    }

    private static Set<String> redisKeys(String concert) {
        try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
            return jedis.keys("hotkey:inv:*{" + concert + "}*");
        }
    }

    private static List<String> schemasHolding(String concert) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(JDBC)) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'hotkey\\_inv\\_%'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            for (String schema : schemas) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + schema + ".stock WHERE concert_id = ?")) {
                    ps.setString(1, concert);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            found.add(schema);
                        }
                    }
                } catch (java.sql.SQLException droppedMeanwhile) {
                    // another test's schema dropped between the listing and the query
                }
            }
        }
        return found;
    }
}
