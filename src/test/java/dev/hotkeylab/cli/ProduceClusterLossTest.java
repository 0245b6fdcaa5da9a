package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.broker.EmbeddedKafka;
import dev.hotkeylab.junit.KafkaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** produce --rate 100 against a cluster that dies: it says it is waiting, then fails within its own deadline. */
@Tag(KafkaTest.TAG)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("produce: a lost cluster is a waiting notice, then one line and exit 1 within --connect-timeout-ms")
class ProduceClusterLossTest {

    @Test
    void lostClusterEndsProduce(TestReporter reporter) throws Exception {
        EmbeddedKafka external = EmbeddedKafka.start(1);
        String bootstrap = external.bootstrapServers();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        try {
            CompletableFuture<Integer> produce = CompletableFuture.supplyAsync(() -> cli.execute("produce", "--strategy",
                    "FIXED_KEY", "--bootstrap", bootstrap, "--topic", "lost-" + System.nanoTime(), "--messages",
                    "100000", "--rate", "100", "--connect-timeout-ms", "10000"));
            await("records acknowledged").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(out.toString()).contains("sent "));

            external.close();
            long down = System.nanoTime();
            int code = produce.get(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - down) / 1e9;

            assertThat(code).isEqualTo(1);
            assertThat(err.toString().lines().toList()).containsExactly(
                    "produce: no acknowledgement from Kafka at " + bootstrap + " for 2 s; waiting up to 10000 ms",
                    err.toString().lines().toList().get(1));
            assertThat(err.toString().lines().toList().get(1))
                    .startsWith("produce failed: Kafka at " + bootstrap + " did not acknowledge within 10000 ms: ");
            reporter.publishEntry("produce loss-to-error", String.format(Locale.ROOT, "%.1f s", seconds));
            assertThat(seconds).as("seconds from the loss to the error").isLessThan(30);
        } finally {
            external.close();
        }
    }
}
