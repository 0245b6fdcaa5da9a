package dev.hotkeylab.keys.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.KafkaPartitioning;
import dev.hotkeylab.metrics.Skew;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A plain KafkaProducer that knows nothing of this project except three configuration lines (partitioner.class,
 * interceptor.classes, hotkey.adaptive.*), against a real broker: 1200 records, 60% for one concert, the rest over 20
 * quiet ones, on 3 partitions.
 */
@KafkaTest
@DisplayName("AdaptivePartitioner in a plain KafkaProducer, configured by properties only (broker)")
class AdaptivePartitionerBrokerTest {

    private static final String HOT = "SUPER_STAR_CONCERT_2026";
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 1200;

    @Test
    @DisplayName("the hot concert lands on all 3 partitions with hotkey-* headers and its own key; quiet ones stay home")
    void spreadsOnlyTheHotKey(KafkaBackend kafka) throws Exception {
        String topic = "adaptive-" + UUID.randomUUID();
        String clientId = topic + "-producer";
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        Properties props = new Properties();
        props.putAll(kafka.clientConfig());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // The three lines a user adds to their own producer configuration:
        props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, "dev.hotkeylab.keys.adaptive.AdaptivePartitioner");
        props.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, "dev.hotkeylab.keys.adaptive.AdaptiveHeaderInterceptor");
        props.put("hotkey.adaptive.threshold", "0.3");
        props.put("hotkey.adaptive.min.events", "50");

        Random random = new Random(42);
        List<String> sentKeys = new ArrayList<>();
        long spreadRecords;
        long headersWritten;
        List<HotKeyEvent> events;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < RECORDS; i++) {
                String key = random.nextDouble() < 0.6 ? HOT : "quiet-concert-" + random.nextInt(20);
                sentKeys.add(key);
                producer.send(new ProducerRecord<>(topic, key, "request-" + i));
            }
            producer.flush();
            HotKeyRouter router = AdaptiveRegistry.forClient(clientId).orElseThrow();
            spreadRecords = router.spreadRecords();
            headersWritten = router.headersWritten();
            events = router.events();
        }
        assertThat(AdaptiveRegistry.forClient(clientId)).as("router released with the producer").isEmpty();

        List<ConsumerRecord<String, String>> records = consumeAll(kafka, topic);
        long[] hotPerPartition = new long[PARTITIONS];
        Map<String, Set<Integer>> quietPartitions = new HashMap<>();
        int hotHome = KafkaPartitioning.partitionFor(HOT, PARTITIONS);
        long salted = 0;
        for (ConsumerRecord<String, String> r : records) {
            if (r.key().equals(HOT)) {
                hotPerPartition[r.partition()]++;
                if (AdaptiveHeaders.isSalted(r.headers())) {
                    salted++;
                    assertThat(AdaptiveHeaders.text(r.headers(), AdaptiveHeaders.SALTED))
                            .isEqualTo(String.valueOf(r.partition()));
                    assertThat(AdaptiveHeaders.text(r.headers(), AdaptiveHeaders.HOME_PARTITION))
                            .isEqualTo(String.valueOf(hotHome));
                    assertThat(KafkaPartitioning.partitionFor(
                            AdaptiveHeaders.text(r.headers(), AdaptiveHeaders.SALTED_KEY), PARTITIONS))
                            .isEqualTo(r.partition());
                } else {
                    assertThat(r.partition()).as("an unsalted hot record is at home").isEqualTo(hotHome);
                }
            } else {
                assertThat(r.headers().toArray()).as("quiet records carry no headers").isEmpty();
                quietPartitions.computeIfAbsent(r.key(), k -> new TreeSet<>()).add(r.partition());
            }
        }

        assertThat(records).hasSize(RECORDS);
        assertThat(records.stream().map(ConsumerRecord::key).sorted().toList())
                .isEqualTo(sentKeys.stream().sorted().toList());
        Skew skew = Skew.of(hotPerPartition);
        assertThat(skew.idlePartitions()).as("hot records per partition %s", java.util.Arrays.toString(
                hotPerPartition)).isEmpty();
        assertThat(skew.maxOverMean()).isLessThan(1.1);
        assertThat(salted).isEqualTo(spreadRecords).isEqualTo(headersWritten).isPositive();
        assertThat(quietPartitions).hasSize(20).allSatisfy((key, partitions) ->
                assertThat(partitions).containsExactly(KafkaPartitioning.partitionFor(key, PARTITIONS)));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(HOT);
            assertThat(e.kind()).isEqualTo(HotKeyEvent.Kind.SPREAD);
            assertThat(e.observation()).isBetween(50L, 60L);
        });
    }

    private static List<ConsumerRecord<String, String>> consumeAll(KafkaBackend kafka, String topic) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await("all " + RECORDS + " records of " + topic).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                assertThat(out).hasSizeGreaterThanOrEqualTo(RECORDS);
            });
        }
        return out;
    }
}
