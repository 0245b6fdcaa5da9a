package dev.hotkeylab.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.keys.KafkaPartitioning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The round trip every backend must pass: create a 3-partition topic, produce keyed records, read them back through a
 * consumer group, and find each on the partition Kafka's partitioner predicts. Subclasses only pick the backend.
 */
abstract class AbstractKafkaContractTest {

    @Test
    void roundTripThroughAConsumerGroupLandsWherePredicted(KafkaBackend kafka) throws Exception {
        String topic = "contract-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            short rf = (short) Math.min(3, kafka.brokers());
            admin.createTopics(List.of(new NewTopic(topic, 3, rf))).all().get(30, TimeUnit.SECONDS);
        }
        List<String> keys = List.of("SUPER_STAR_CONCERT_2026", "SUPER_STAR_CONCERT_2026_0",
                "SUPER_STAR_CONCERT_2026_1", "SUPER_STAR_CONCERT_2026_2", "another-key");
        Map<String, Object> producerConfig = kafka.clientConfig();
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            for (String key : keys) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, "value of " + key)).get(30, TimeUnit.SECONDS));
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(sent.get(i).partition()).as("partition of %s", keys.get(i))
                    .isEqualTo(KafkaPartitioning.partitionFor(keys.get(i), 3));
        }

        Map<String, Object> consumerConfig = kafka.clientConfig();
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-group");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                assertThat(received).hasSize(keys.size());
            });
        }
        assertThat(received).allSatisfy(r -> {
            assertThat(r.value()).isEqualTo("value of " + r.key());
            assertThat(r.partition()).isEqualTo(KafkaPartitioning.partitionFor(r.key(), 3));
        });
        assertThat(received).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
    }
}
