package dev.hotkeylab.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.adaptive.AdaptiveHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The README's producer against a real broker: {@code @KafkaTest} starts an embedded one here (no Docker), or uses
 * {@code hotkey.bootstrap} / {@code HOTKEY_BOOTSTRAP} when set (the Spring Boot 3 run).
 */
// tag::kafka-test[]
@KafkaTest   // tag "broker", 5-minute timeout, one broker per class: HOTKEY_BOOTSTRAP's, else embedded in this JVM
class TicketProducerTest {

    @Test
    void spreadsTheHotConcertAndLeavesQuietConcertsOnTheirPartition(KafkaBackend kafka, TestReporter reporter)
            throws Exception {
        String topic = Topics.create(kafka, "tickets", PARTITIONS);
        int[] acknowledged;
        try (TicketProducer producer = new TicketProducer(kafka.bootstrapServers(), topic)) {
            acknowledged = producer.send(RECORDS, SEED, PARTITIONS);
        }
        // end::kafka-test[]
        String client = AppInfoParser.getVersion();
        String expected = System.getProperty("example.expected.client", "4.");
        assertThat(client).as("kafka-clients on this classpath").startsWith(expected);

        List<ConsumerRecord<String, String>> records = readAll(kafka, topic, RECORDS);
        reporter.publishEntry("kafka-clients " + client + ", " + kafka.kind().label() + " broker "
                + kafka.kafkaVersion() + ", seed " + SEED + ": records per partition " + Arrays.toString(acknowledged));

        int[] consumed = new int[PARTITIONS];
        records.forEach(r -> consumed[r.partition()]++);
        assertThat(consumed).as("records per partition, consumed vs acknowledged").containsExactly(acknowledged);

        // The hot concert (80 % of the records) is spread: after detection each partition gets its round-robin share.
        int[] hot = new int[PARTITIONS];
        records.stream().filter(r -> r.key().equals(TicketProducer.HOT_CONCERT)).forEach(r -> hot[r.partition()]++);
        int hotTotal = IntStream.of(hot).sum();
        assertThat(IntStream.of(hot).min().orElseThrow())
                .as("fewest hot-concert records on a partition, of %s (%d in all)", Arrays.toString(hot), hotTotal)
                .isGreaterThanOrEqualTo(hotTotal / 5);

        // Where each record really is, against its headers and Kafka's own placement of its key.
        List<String> unsaltedOffHome = new ArrayList<>();
        List<String> saltedQuiet = new ArrayList<>();
        List<String> headerNotPartition = new ArrayList<>();
        List<String> wrongHome = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            int home = BuiltInPartitioner.partitionForKey(r.key().getBytes(StandardCharsets.UTF_8), PARTITIONS);
            String where = r.key() + "@" + r.partition() + "/" + r.offset();
            String salted = AdaptiveHeaders.text(r.headers(), AdaptiveHeaders.SALTED);
            if (salted == null) {
                if (r.partition() != home) {
                    unsaltedOffHome.add(where);
                }
                continue;
            }
            if (!r.key().equals(TicketProducer.HOT_CONCERT)) {
                saltedQuiet.add(where);
            }
            if (!salted.equals(String.valueOf(r.partition()))) {
                headerNotPartition.add(where + " says " + salted);
            }
            if (!String.valueOf(home).equals(AdaptiveHeaders.text(r.headers(), AdaptiveHeaders.HOME_PARTITION))) {
                wrongHome.add(where);
            }
        }
        reporter.publishEntry("salted header != partition: " + headerNotPartition.size() + " of " + records.size());
        assertThat(headerNotPartition).as("records whose %s header is not their partition", AdaptiveHeaders.SALTED)
                .isEmpty();
        assertThat(unsaltedOffHome).as("records without %s off their key's murmur2 partition", AdaptiveHeaders.SALTED)
                .isEmpty();
        assertThat(saltedQuiet).as("quiet concerts' records that were spread").isEmpty();
        assertThat(wrongHome).as("records whose %s header is not their key's murmur2 partition",
                AdaptiveHeaders.HOME_PARTITION).isEmpty();
    }

    private static final int PARTITIONS = 3;
    private static final int RECORDS = 1_000;
    private static final long SEED = 42;

    private static List<ConsumerRecord<String, String>> readAll(KafkaBackend kafka, String topic, int expected) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "example-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList());
            await("all " + expected + " records consumed").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSize(expected);
            });
        }
        return records;
    }
}
