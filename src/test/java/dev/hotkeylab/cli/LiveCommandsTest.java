package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The three terminals of the seed's demo, as three kinds of command running side by side: a dashboard watching a
 * topic and group, two consumers joining the group, and a producer. The dashboard's JSON shows them join and work.
 */
@KafkaTest
@DisplayName("dashboard + consume + produce commands: the dashboard shows the consumers join and work")
class LiveCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command running on its own thread, its output readable while it runs. */
    static final class Terminal implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exitCode = new AtomicInteger(-1);
        final Thread thread;

        Terminal(String... args) {
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exitCode.set(cli.execute(args)), "terminal-" + args[0]);
            thread.start();
        }

        /** Ctrl-C, as far as the command can tell. */
        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            return exitCode.get();
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                stop();
            }
        }
    }

    @Test
    @DisplayName("two consumers and a producer, watched live: members, records per partition, processed and lag")
    void threeTerminals(KafkaBackend kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String topic = "cli-live-" + UUID.randomUUID();
        String group = topic + "-group";
        HttpClient http = HttpClient.newHttpClient();

        try (Terminal dashboard = new Terminal("dashboard", "--bootstrap", bootstrap, "--topic", topic, "--group", group,
                "--port", "0", "--read-only")) {
            await("the dashboard's address").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(dashboard.out.toString()).contains("dashboard: http://"));
            Matcher url = Pattern.compile("dashboard: (http://\\S+/) watching topic " + Pattern.quote(topic)
                    + ", group " + Pattern.quote(group) + " on " + Pattern.quote(bootstrap)).matcher(dashboard.out.toString());
            assertThat(url.find()).as(dashboard.out.toString()).isTrue();
            assertThat(dashboard.err.toString()).contains("topic '" + topic + "' does not exist yet");
            String base = url.group(1);

            CliRunner.Outcome created = CliRunner.run("produce", "--strategy", "PARTITION_AWARE_SALT", "--bootstrap",
                    bootstrap, "--topic", topic, "--messages", "30", "--partitions", "3");
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(created.out()).contains("created topic " + topic + " with 3 partitions")
                    .contains("sent 30 records to " + topic).contains("p0=10 p1=10 p2=10");

            List<Terminal> consumers = new ArrayList<>();
            try (Terminal c0 = new Terminal("consume", "--bootstrap", bootstrap, "--topic", topic, "--group", group,
                    "--client-id", "terminal-a", "--service-time", "2");
                 Terminal c1 = new Terminal("consume", "--bootstrap", bootstrap, "--topic", topic, "--group", group,
                         "--client-id", "terminal-b", "--service-time", "2")) {
                consumers.add(c0);
                consumers.add(c1);
                await("both consumers shown as members of the group, owning all 3 partitions").atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> {
                            JsonNode snap = watched(http, base, topic).get("snapshot");
                            assertThat(snap.get("members").findValuesAsText("clientId"))
                                    .containsExactlyInAnyOrder("terminal-a", "terminal-b");
                            List<Integer> owned = new ArrayList<>();
                            snap.get("members").forEach(m -> m.get("partitions").forEach(p -> owned.add(p.asInt())));
                            assertThat(owned).containsExactlyInAnyOrder(0, 1, 2);
                        });

                CliRunner.Outcome more = CliRunner.run("produce", "--strategy", "PARTITION_AWARE_SALT", "--bootstrap",
                        bootstrap, "--topic", topic, "--messages", "600", "--rate", "1000");
                assertThat(more.exitCode()).as(more.err()).isZero();
                assertThat(more.out()).contains("p0=200 p1=200 p2=200").doesNotContain("created topic");

                await("630 records processed, no lag, both consumers credited").atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> {
                            JsonNode snap = watched(http, base, topic).get("snapshot");
                            assertThat(snap.get("partitions").findValuesAsText("records")).containsExactly("210", "210", "210");
                            assertThat(snap.get("partitions").findValuesAsText("lag")).containsExactly("0", "0", "0");
                            assertThat(snap.get("skew").get("activeConsumers").asInt()).isEqualTo(2);
                            assertThat(snap.get("skew").get("processed").asLong()).isEqualTo(630);
                        });

                long processed = 0;
                for (Terminal c : consumers) {
                    assertThat(c.stop()).as(c.err.toString()).isZero();
                    Matcher stopped = Pattern.compile("terminal-\\w: stopped after (\\d+) records").matcher(c.out.toString());
                    assertThat(stopped.find()).as(c.out.toString()).isTrue();
                    processed += Long.parseLong(stopped.group(1));
                    assertThat(c.out.toString()).contains(": partitions [");
                }
                assertThat(processed).isEqualTo(630);
            }
            assertThat(dashboard.stop()).isZero();
            assertThat(dashboard.err.toString().lines()).hasSize(1);
        }
    }

    @Test
    @DisplayName("three consume --group-type share terminals take all 300 records once: share lag 0, counts add up")
    void shareTerminals(KafkaBackend kafka, org.junit.jupiter.api.TestReporter reporter) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String topic = "cli-share-" + UUID.randomUUID();
        String group = topic + "-group";
        HttpClient http = HttpClient.newHttpClient();

        // 30 records before any member joins: the group must start from the earliest, not skip them.
        CliRunner.Outcome created = CliRunner.run("produce", "--strategy", "PARTITION_AWARE_SALT", "--bootstrap",
                bootstrap, "--topic", topic, "--messages", "30", "--partitions", "3");
        assertThat(created.exitCode()).as(created.err()).isZero();

        try (Terminal dashboard = new Terminal("dashboard", "--bootstrap", bootstrap, "--topic", topic, "--group", group,
                "--port", "0", "--read-only");
             Terminal c0 = new Terminal("consume", "--bootstrap", bootstrap, "--topic", topic, "--group", group,
                     "--group-type", "share", "--client-id", "share-a", "--service-time", "2");
             Terminal c1 = new Terminal("consume", "--bootstrap", bootstrap, "--topic", topic, "--group", group,
                     "--group-type", "share", "--client-id", "share-b", "--service-time", "2");
             Terminal c2 = new Terminal("consume", "--bootstrap", bootstrap, "--topic", topic, "--group", group,
                     "--group-type", "share", "--client-id", "share-c", "--service-time", "2")) {
            await("the dashboard's address").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(dashboard.out.toString()).contains("dashboard: http://"));
            Matcher url = Pattern.compile("dashboard: (http://\\S+/)").matcher(dashboard.out.toString());
            assertThat(url.find()).isTrue();
            String base = url.group(1);
            await("three share members in the group").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode share = watched(http, base, topic).get("snapshot").get("share");
                assertThat(share.isObject()).as("snapshot.share: %s", share).isTrue();
                assertThat(share.get("members").findValuesAsText("clientId"))
                        .containsExactlyInAnyOrder("share-a", "share-b", "share-c");
            });

            CliRunner.Outcome more = CliRunner.run("produce", "--strategy", "PARTITION_AWARE_SALT", "--bootstrap",
                    bootstrap, "--topic", topic, "--messages", "270", "--rate", "1000");
            assertThat(more.exitCode()).as(more.err()).isZero();

            long t0 = System.nanoTime();
            await("all 300 records delivered to completion: share lag 0").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> {
                        JsonNode share = watched(http, base, topic).get("snapshot").get("share");
                        assertThat(share.get("totalLag").asLong()).as("share %s", share).isZero();
                        assertThat(share.get("partitions").findValuesAsText("completed"))
                                .containsExactly("100", "100", "100");
                    });
            long drainMs = (System.nanoTime() - t0) / 1_000_000;
            // Each terminal's progress line catches up with its final count while it idles.
            await("each terminal to print its final count").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (Terminal c : List.of(c0, c1, c2)) {
                    List<String> lines = c.out.toString().lines().toList();
                    assertThat(lines.get(lines.size() - 1)).as(c.out.toString()).contains(" 100 processed");
                }
            });
            JsonNode share = watched(http, base, topic).get("snapshot").get("share");

            long processed = 0;
            List<String> perMember = new ArrayList<>();
            for (Terminal c : List.of(c0, c1, c2)) {
                assertThat(c.stop()).as(c.err.toString()).isZero();
                Matcher stopped = Pattern.compile("(share-\\w): stopped after (\\d+) records").matcher(c.out.toString());
                assertThat(stopped.find()).as(c.out.toString()).isTrue();
                processed += Long.parseLong(stopped.group(2));
                perMember.add(stopped.group(1) + "=" + stopped.group(2));
            }
            reporter.publishEntry("consume --group-type share", "per member " + perMember + ", total " + processed
                    + ", share lag 0 " + drainMs + " ms after the last send; start offsets "
                    + share.get("partitions").findValuesAsText("startOffset"));
            reporter.publishEntry("snapshot.share", share.toString());
            // Every record acknowledged exactly once: none lost, none redelivered.
            assertThat(processed).as("records acknowledged by the three members").isEqualTo(300);
            assertThat(dashboard.stop()).isZero();
        }
    }

    private static JsonNode watched(HttpClient http, String base, String topic) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/state")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode run : JSON.readTree(r.body()).get("runs")) {
            if (topic.equals(run.get("topic").asText())) {
                assertThat(run.get("status").asText()).isEqualTo("WATCHING");
                return run;
            }
        }
        throw new AssertionError("no watched run for " + topic + " in " + r.body());
    }
}
