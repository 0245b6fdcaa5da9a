package dev.hotkeylab.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.findings.WallClock;
import dev.hotkeylab.junit.KafkaTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.tools.ConsumerPerformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The benchmark of {@code scan}: its read rate against Kafka's own {@code ConsumerPerformance} (kafka-tools, the
 * broker's version) on the same topic and broker in one run, and the memory its key tally holds for 10^6 distinct
 * keys. Ratios of one run, so tagged {@value WallClock#TAG}.
 */
@KafkaTest
@Tag(WallClock.TAG)
@DisplayName("scan benchmark: read rate vs Kafka's ConsumerPerformance, key-tally memory for 10^6 distinct keys")
class ScanThroughputTest {

    private static final int RECORDS = 2_000_000;
    private static final int KEYS = 10_000;

    @Test
    @DisplayName("2,000,000 records (10,000 keys, 100-byte values, 3 partitions): scan's read rate beside ConsumerPerformance's"
            + " in one run (the goal, >= 0.5 x, is reported, not asserted)")
    void readRate(KafkaBackend kafka, TestReporter reporter) throws Exception {
        String topic = "scan-bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) Math.min(3, kafka.brokers()))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> props = new HashMap<>(kafka.clientConfig());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            byte[] value = new byte[100];
            List<Future<RecordMetadata>> last = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                Future<RecordMetadata> f = producer.send(new ProducerRecord<>(topic,
                        ("key-" + (i % KEYS)).getBytes(StandardCharsets.UTF_8), value));
                if (i >= RECORDS - 100) {
                    last.add(f);
                }
            }
            producer.flush();
            for (Future<RecordMetadata> f : last) {
                f.get(0, TimeUnit.SECONDS);
            }
        }

        // One of each, twice, alternating, so neither gains from a warmer page cache or JIT; the better of each counts.
        double bestTool = 0;
        double bestToolFetch = 0;
        double bestScan = 0;
        for (int round = 0; round < 2; round++) {
            double[] tool = consumerPerformance(kafka.bootstrapServers(), topic);
            bestTool = Math.max(bestTool, tool[0]);
            bestToolFetch = Math.max(bestToolFetch, tool[1]);
            ScanResult scan = new TopicScanner(ScanConfig.of(kafka.bootstrapServers(), topic, null)
                    .withLimits(Long.MAX_VALUE, Duration.ofMinutes(5))).scan(x -> { }, x -> { });
            assertThat(scan.recordsRead()).isEqualTo(RECORDS);
            bestScan = Math.max(bestScan, scan.readRate());
        }
        double ratio = bestScan / bestToolFetch;
        Figures.of(reporter)
                .put("scan, records/s", String.format(Locale.ROOT, "%,.0f", bestScan))
                .put("ConsumerPerformance fetch.nMsg.sec", String.format(Locale.ROOT, "%,.0f", bestToolFetch))
                .put("ConsumerPerformance nMsg.sec (with its group join)", String.format(Locale.ROOT, "%,.0f", bestTool))
                .put("scan / ConsumerPerformance (fetch rate)", String.format(Locale.ROOT, "%.2f", ratio));
        // The goal (>= 0.5 x) is a benchmark figure, reported on the findings page, never a timed assertion: on two
        // shared cores ConsumerPerformance's fetch rate alone has varied from 2.4 to 5.7 million records/s between
        // runs. What must hold is that both read rates are real: each tool read every record and took time doing it.
        assertThat(bestScan).as("scan's read rate").isPositive().isFinite();
        assertThat(bestToolFetch).as("ConsumerPerformance's fetch rate").isPositive().isFinite();
    }

    @Test
    @DisplayName("10^6 distinct keys: the tally holds at most its stated bound (100,000 exact keys, 10,000 counters)")
    void memoryFor10To6Keys(TestReporter reporter) {
        long before = usedAfterGc();
        KeyTally tally = new KeyTally();
        long peak = 0;
        for (int i = 0; i < 1_000_000; i++) {
            tally.add(("customer-" + i).getBytes(StandardCharsets.UTF_8), i % 12);
            if (i == KeyTally.DEFAULT_EXACT_KEYS - 1) {
                peak = usedAfterGc() - before; // the largest moment: every exact key held, just before the switch
            }
        }
        long after = usedAfterGc() - before;
        assertThat(tally.exact()).isFalse();
        assertThat(tally.distinctKeys()).isEqualTo(KeyTally.DEFAULT_COUNTERS);
        // stated: about exactKeys x (130 + key length) bytes before the switch; 15 bytes per key here
        long bound = (long) KeyTally.DEFAULT_EXACT_KEYS * (130 + 15);
        Figures.of(reporter)
                .put("key tally, 100,000 exact keys held", String.format(Locale.ROOT, "%.1f MiB", peak / 1048576.0))
                .put("key tally after 10^6 distinct keys (Space-Saving)", String.format(Locale.ROOT, "%.1f MiB",
                        after / 1048576.0))
                .put("stated bound", String.format(Locale.ROOT, "%.1f MiB", bound / 1048576.0));
        assertThat(peak).isLessThanOrEqualTo(bound);
        assertThat(after).isLessThanOrEqualTo(bound);
        assertThat(tally.keyedRecords()).isEqualTo(1_000_000); // keeps the tally reachable until here
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Runs Kafka's ConsumerPerformance; returns {nMsg.sec, fetch.nMsg.sec}. */
    private static double[] consumerPerformance(String bootstrap, String topic) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConsumerPerformance.main(new String[] {"--bootstrap-server", bootstrap, "--topic", topic,
                    "--messages", Integer.toString(RECORDS), "--group", "perf-" + UUID.randomUUID(),
                    "--timeout", "60000", "--hide-header"});
        } finally {
            System.setOut(out);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        String[] fields = lines[lines.length - 1].split(",\\s*");
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        assertThat(Long.parseLong(fields[4].strip())).as("ConsumerPerformance records").isEqualTo(RECORDS);
        return new double[] {Double.parseDouble(fields[5].strip()), Double.parseDouble(fields[9].strip())};
    }
}
