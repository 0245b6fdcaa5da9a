package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.findings.RequiredTool;
import dev.hotkeylab.junit.KafkaTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every librdkafka partitioner, run for real by kcat ({@code -X partitioner=NAME}) and by Debian's
 * confluent-kafka-python against the embedded broker, against its {@link ClientModel}: text keys (with trailing
 * spaces, the Sarama/Java split key, the CRC and FNV vectors), 60 empty keys and 60 null keys on 6 partitions, read
 * back with a Java consumer. Keys a model hashes must land exactly where it says; keys it calls
 * {@link ClientModel#SPREAD} must reach several partitions. {@code sticky.partitioning.linger.ms=0} turns librdkafka's
 * sticky branch off ({@code rdkafka_topic.c}), so a key its partitioner sends at random gets a fresh random partition
 * per record instead of one per 10 ms (the default): "random" shows in 60 records instead of over time. Skipped with
 * the reason when kcat or python3-confluent-kafka is missing.
 */
@KafkaTest
@DisplayName("librdkafka's partitioners (kcat and confluent-kafka-python), and the Java client, against the models")
class LibrdkafkaPartitionersTest {

    private static final int PARTITIONS = 6;
    private static final int REPEATS = 60;
    private static final List<String> TEXT_KEYS = List.of("ACME    ", "ACME", "100:48069", "SUPER_STAR_CONCERT_2026",
            "1468509572224", "SheetJS", "abc123def456", "a");
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    /** Records of one key spread at random reach at least this many of 6 partitions (fewer: p < 1e-27 for 60). */
    private static final int SPREAD_AT_LEAST = 3;

    /** What one record carries: its key (null = none) and a unique value that names it. */
    private record Sent(byte[] key, String value) {
    }

    @ParameterizedTest(name = "kcat -X partitioner={0}")
    @EnumSource(value = ClientModel.class, names = "LIBRDKAFKA.*", mode = EnumSource.Mode.MATCH_ALL)
    void kcat(ClientModel model, KafkaBackend kafka) throws Exception {
        String why = ExternalClients.whyNoKcat();
        RequiredTool.require(why); // skipped with the reason here, fails on CI
        String topic = createTopic(kafka, "kcat-" + model.cliName());
        List<Sent> keyed = keyedRecords();
        List<Sent> nulls = nullRecords(keyed.size());
        // Without -Z an empty key is sent as an empty key; with -Z kcat sends it as null.
        kcatProduce(kafka, topic, model, keyed, List.of());
        kcatProduce(kafka, topic, model, nulls, List.of("-Z"));
        List<Sent> all = new ArrayList<>(keyed);
        all.addAll(nulls);
        assertPlacedAsModelled(model, all, readBack(kafka, topic, all));
    }

    @ParameterizedTest(name = "confluent-kafka-python partitioner={0}")
    @EnumSource(value = ClientModel.class, names = "LIBRDKAFKA.*", mode = EnumSource.Mode.MATCH_ALL)
    void confluentKafkaPython(ClientModel model, KafkaBackend kafka) throws Exception {
        String why = ExternalClients.whyNoConfluentKafkaPython();
        RequiredTool.require(why); // skipped with the reason here, fails on CI
        String topic = createTopic(kafka, "python-" + model.cliName());
        List<Sent> all = new ArrayList<>(keyedRecords());
        all.addAll(nullRecords(all.size()));
        StringBuilder stdin = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        for (Sent s : all) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("key", s.key() == null ? null : Base64.getEncoder().encodeToString(s.key()));
            line.put("value", s.value());
            stdin.append(json.writeValueAsString(line)).append('\n');
        }
        ExternalClients.Result result = ExternalClients.run(List.of(ExternalClients.confluentKafkaPython(),
                        ExternalClients.PYTHON_PRODUCER.toString(), kafka.bootstrapServers(), topic,
                        "partitioner=" + librdkafkaName(model), "sticky.partitioning.linger.ms=0"),
                stdin.toString(), CLIENT_TIMEOUT);
        assertThat(result.exitCode()).as("produce.py: %s", result.stderr()).isZero();
        Map<String, Integer> observed = readBack(kafka, topic, all);
        // What librdkafka reported in its delivery reports must match what the broker holds.
        for (String line : result.stdout().lines().toList()) {
            var node = json.readTree(line);
            assertThat(observed.get(node.get("value").asText())).isEqualTo(node.get("partition").asInt());
        }
        assertPlacedAsModelled(model, all, observed);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the Java client on the same keys: the empty key hashed (p3 of 6), text keys where the java model says")
    void javaClientReference(KafkaBackend kafka) throws Exception {
        String topic = createTopic(kafka, "java");
        List<Sent> keyed = keyedRecords();
        Properties props = new Properties();
        props.putAll(kafka.clientConfig());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], String> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new StringSerializer())) {
            for (Sent s : keyed) {
                producer.send(new ProducerRecord<>(topic, s.key(), s.value()));
            }
            producer.flush();
        }
        Map<String, Integer> observed = readBack(kafka, topic, keyed);
        // Null keys are left out: the Java client's sticky partitioner keeps a batch on one partition, so 60 records
        // show one partition; over time they spread, which is what the model's SPREAD says.
        assertPlacedAsModelled(ClientModel.JAVA, keyed, observed);
        assertThat(observed.get(keyed.get(keyed.size() - 1).value())).as("empty key").isEqualTo(3);
    }

    /** {@code librdkafka-murmur2-random} -> {@code murmur2_random}; {@code librdkafka} -> {@code consistent_random}. */
    static String librdkafkaName(ClientModel model) {
        return model == ClientModel.LIBRDKAFKA ? "consistent_random"
                : model.cliName().substring("librdkafka-".length()).replace('-', '_');
    }

    private static List<Sent> keyedRecords() {
        List<Sent> sent = new ArrayList<>();
        for (String key : TEXT_KEYS) {
            for (int i = 0; i < REPEATS / 6; i++) {
                sent.add(new Sent(key.getBytes(StandardCharsets.UTF_8), "v" + sent.size()));
            }
        }
        for (int i = 0; i < REPEATS; i++) {
            sent.add(new Sent(new byte[0], "v" + sent.size()));
        }
        return sent;
    }

    private static List<Sent> nullRecords(int firstIndex) {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            sent.add(new Sent(null, "v" + (firstIndex + i)));
        }
        return sent;
    }

    private static void assertPlacedAsModelled(ClientModel model, List<Sent> sent, Map<String, Integer> observed) {
        Map<String, List<Sent>> byKey = new LinkedHashMap<>();
        for (Sent s : sent) {
            byKey.computeIfAbsent(KeyBytes.label(s.key()), k -> new ArrayList<>()).add(s);
        }
        for (List<Sent> records : byKey.values()) {
            byte[] key = records.get(0).key();
            Set<Integer> landed = new TreeSet<>();
            records.forEach(r -> landed.add(observed.get(r.value())));
            int predicted = model.partitionFor(key, PARTITIONS);
            if (predicted == ClientModel.SPREAD) {
                assertThat(landed).as("%s: key %s is not hashed, its %d records spread", model.cliName(),
                        KeyBytes.label(key), records.size()).hasSizeGreaterThanOrEqualTo(SPREAD_AT_LEAST);
            } else {
                assertThat(landed).as("%s: key %s", model.cliName(), KeyBytes.label(key)).containsExactly(predicted);
            }
        }
    }

    private static void kcatProduce(KafkaBackend kafka, String topic, ClientModel model, List<Sent> records,
                                    List<String> extra) {
        List<String> command = new ArrayList<>(List.of("kcat", "-P", "-b", kafka.bootstrapServers(), "-t", topic,
                "-K", "|", "-X", "partitioner=" + librdkafkaName(model), "-X", "sticky.partitioning.linger.ms=0",
                "-X", "message.timeout.ms=15000", "-X", "socket.timeout.ms=10000"));
        command.addAll(extra);
        StringBuilder stdin = new StringBuilder();
        for (Sent s : records) {
            String key = s.key() == null ? "" : new String(s.key(), StandardCharsets.UTF_8);
            stdin.append(key).append('|').append(s.value()).append('\n');
        }
        ExternalClients.Result result = ExternalClients.run(command, stdin.toString(), CLIENT_TIMEOUT);
        assertThat(result.exitCode()).as("kcat: %s", result.stderr()).isZero();
    }

    private static String createTopic(KafkaBackend kafka, String client) throws Exception {
        return ExternalClients.createTopic(kafka, "rdkafka-" + client, PARTITIONS);
    }

    /**
     * Reads the topic from the beginning: the partition of every record by value; also checks every record arrived
     * with the key it was sent with (an empty key stays empty, a null key null).
     */
    private static Map<String, Integer> readBack(KafkaBackend kafka, String topic, List<Sent> sent) {
        Map<String, byte[]> keyOf = new HashMap<>();
        sent.forEach(s -> keyOf.put(s.value(), s.key()));
        Map<String, Integer> observed = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : ExternalClients.readBack(kafka, topic, PARTITIONS, sent.size())) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(r.key()).as("key of %s", value).isEqualTo(keyOf.get(value));
            observed.put(value, r.partition());
        }
        assertThat(observed).hasSize(sent.size());
        return observed;
    }
}
