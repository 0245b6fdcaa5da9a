package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.KafkaPartitioning;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * {@code produce} sends a strategy's traffic with that strategy's producer settings (Strategy.producerConfig, the same
 * path as run, bench and the dashboard's form): ADAPTIVE gets the adaptive partitioner, so its one hot key spreads.
 */
@KafkaTest
@DisplayName("produce --strategy ADAPTIVE uses the adaptive partitioner (broker)")
class ProduceCommandTest {

    private static final String KEY = "SUPER_STAR_CONCERT_2026";

    @Test
    @DisplayName("400 records of one key on 4 partitions: all 4 get records once the key is hot, not just its home")
    void adaptiveSpreadsTheHotKey(KafkaBackend kafka, TestReporter reporter) {
        String topic = "produce-adaptive-" + UUID.randomUUID();

        CliRunner.Outcome o = CliRunner.run("produce", "--strategy", "ADAPTIVE", "--bootstrap",
                kafka.bootstrapServers(), "--topic", topic, "--messages", "400", "--partitions", "4", "--key", KEY);

        assertThat(o.exitCode()).as(o.err()).isZero();
        Matcher m = Pattern.compile("p0=(\\d+) p1=(\\d+) p2=(\\d+) p3=(\\d+)").matcher(o.out());
        assertThat(m.find()).as(o.out()).isTrue();
        long[] perPartition = IntStream.rangeClosed(1, 4).mapToLong(i -> Long.parseLong(m.group(i))).toArray();
        reporter.publishEntry("produce ADAPTIVE, 400 records, 4 partitions", Arrays.toString(perPartition));
        int home = KafkaPartitioning.partitionFor(KEY, 4);
        assertThat(Arrays.stream(perPartition).sum()).isEqualTo(400);
        // Default detector: the key is hot from its 100th record (hotkey.adaptive.min.events), then round robin over
        // all 4 partitions starting at home: about 75 records on each other partition, the rest at home.
        assertThat(Arrays.stream(perPartition).boxed().toList()).as("records per partition, home p%d", home)
                .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(60L));
        assertThat(perPartition[home]).isLessThan(200);
    }
}
