package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.findings.RequiredTool;
import dev.hotkeylab.junit.KafkaTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where real clients put the seed's keys on a real 3-partition topic, read back with a Java consumer, against the
 * {@code --client} models of the what-if simulator. This is the check on the seed's "salting spreads the concert"
 * claim: it holds for KafkaJS's legacy partitioner and for no other client here. Writes
 * {@code target/hotkey-report/clients.json} (one row per client, skipped ones with the reason) for the report.
 */
@KafkaTest
@DisplayName("cross-client placement of the seed's keys on a real broker")
class ClientPlacementTest {

    private static final String SEED_KEY = "SUPER_STAR_CONCERT_2026";
    private static final List<String> KEYS = List.of(SEED_KEY, SEED_KEY + "_0", SEED_KEY + "_1", SEED_KEY + "_2");
    private static final int PARTITIONS = 3;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final List<Map<String, Object>> ROWS = Collections.synchronizedList(new ArrayList<>());

    @Test
    @DisplayName("Java client (kafka-clients default partitioner): 2 for the key, 2, 1, 2 for _0/_1/_2")
    void javaClient(KafkaBackend kafka) throws Exception {
        String topic = createTopic(kafka, "java");
        Properties props = new Properties();
        props.putAll(kafka.clientConfig());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String key : KEYS) {
                producer.send(new ProducerRecord<>(topic, key, "java")).get(30, TimeUnit.SECONDS);
            }
        }
        Map<String, Integer> observed = readBack(kafka, topic);
        record("java", "kafka-clients " + AppInfoParser.getVersion() + " (default partitioner)", ClientModel.JAVA,
                observed);
        assertThat(observed).containsExactlyInAnyOrderEntriesOf(Map.of(KEYS.get(0), 2, KEYS.get(1), 2, KEYS.get(2), 1,
                KEYS.get(3), 2));
        assertThat(observed).isEqualTo(predicted(ClientModel.JAVA));
    }

    @Test
    @DisplayName("KafkaJS DefaultPartitioner (Java-compatible murmur2): same as the Java client")
    void kafkaJsDefault(KafkaBackend kafka) throws Exception {
        Map<String, Integer> observed = kafkaJs(kafka, "default");
        record("kafkajs-default", "kafkajs " + kafkaJsVersion() + " Partitioners.DefaultPartitioner", ClientModel.JAVA,
                observed);
        assertThat(observed).containsExactlyInAnyOrderEntriesOf(Map.of(KEYS.get(0), 2, KEYS.get(1), 2, KEYS.get(2), 1,
                KEYS.get(3), 2));
        assertThat(observed).isEqualTo(predicted(ClientModel.JAVA));
    }

    @Test
    @DisplayName("KafkaJS LegacyPartitioner: _0/_1/_2 on 0, 1, 2, the spread the seed claimed")
    void kafkaJsLegacy(KafkaBackend kafka) throws Exception {
        Map<String, Integer> observed = kafkaJs(kafka, "legacy");
        record("kafkajs-legacy", "kafkajs " + kafkaJsVersion() + " Partitioners.LegacyPartitioner",
                ClientModel.KAFKAJS_LEGACY, observed);
        assertThat(List.of(observed.get(KEYS.get(1)), observed.get(KEYS.get(2)), observed.get(KEYS.get(3))))
                .containsExactly(0, 1, 2);
        assertThat(observed).isEqualTo(predicted(ClientModel.KAFKAJS_LEGACY));
    }

    @Test
    @DisplayName("kcat default (librdkafka consistent_random = crc32 % P): placed as the librdkafka model says")
    void kcatDefault(KafkaBackend kafka) throws Exception {
        Map<String, Integer> observed = kcat(kafka, "default", List.of());
        record("kcat-default", kcatVersion() + " (partitioner consistent_random)", ClientModel.LIBRDKAFKA, observed);
        assertThat(observed).isEqualTo(predicted(ClientModel.LIBRDKAFKA));
        assertThat(observed).isNotEqualTo(predicted(ClientModel.JAVA));
    }

    @Test
    @DisplayName("kcat -X partitioner=murmur2_random: same as the Java client")
    void kcatMurmur2Random(KafkaBackend kafka) throws Exception {
        Map<String, Integer> observed = kcat(kafka, "murmur2", List.of("-X", "partitioner=murmur2_random"));
        record("kcat-murmur2_random", kcatVersion() + " -X partitioner=murmur2_random", ClientModel.JAVA, observed);
        assertThat(observed).containsExactlyInAnyOrderEntriesOf(Map.of(KEYS.get(0), 2, KEYS.get(1), 2, KEYS.get(2), 1,
                KEYS.get(3), 2));
        assertThat(observed).isEqualTo(predicted(ClientModel.JAVA));
    }

    @ParameterizedTest(name = "kcat -X partitioner={0}")
    @ValueSource(strings = {"consistent", "murmur2", "fnv1a", "fnv1a_random"})
    @DisplayName("kcat with librdkafka's other partitioners: placed as the librdkafka-<partitioner> model says")
    void kcatOtherPartitioners(String partitioner, KafkaBackend kafka) throws Exception {
        ClientModel model = ClientModel.parse("librdkafka-" + partitioner);
        Map<String, Integer> observed = kcat(kafka, partitioner, List.of("-X", "partitioner=" + partitioner));
        record("kcat-" + partitioner, kcatVersion() + " -X partitioner=" + partitioner, model, observed);
        assertThat(observed).isEqualTo(predicted(model));
    }

    @Test
    @DisplayName("confluent-kafka-python (librdkafka default consistent_random): placed as the librdkafka model says")
    void confluentKafkaPython(KafkaBackend kafka) throws Exception {
        skipIf("confluent-kafka-python", ExternalClients.whyNoConfluentKafkaPython());
        String topic = createTopic(kafka, "python");
        ObjectMapper json = new ObjectMapper();
        StringBuilder stdin = new StringBuilder();
        for (String key : KEYS) {
            stdin.append(json.writeValueAsString(Map.of("key", java.util.Base64.getEncoder().encodeToString(
                    key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "value", "python"))).append('\n');
        }
        ExternalClients.Result result = ExternalClients.run(List.of(ExternalClients.confluentKafkaPython(),
                ExternalClients.PYTHON_PRODUCER.toString(), kafka.bootstrapServers(), topic), stdin.toString(),
                CLIENT_TIMEOUT);
        assertThat(result.exitCode()).as("produce.py: %s", result.stderr()).isZero();
        Map<String, Integer> observed = readBack(kafka, topic);
        String versions = result.stderr().strip().lines().reduce((a, b) -> b).orElse("");
        record("confluent-kafka-python", "confluent-kafka-python " + versions + " (partitioner consistent_random)",
                ClientModel.LIBRDKAFKA, observed);
        assertThat(observed).isEqualTo(predicted(ClientModel.LIBRDKAFKA));
    }

    @Test
    @DisplayName("Sarama and the String.hashCode selector produce nothing here: rows say what checks them")
    void modelsCheckedAgainstVectors() {
        skipRow("sarama", "no Go producer runs against the broker here; SaramaParityTest calls Sarama's own"
                + " NewHashPartitioner (Debian's 1.22.1) on 3,000 keys and ClientRulesTest checks its published vectors;"
                + " model puts the keys on " + ordered(predicted(ClientModel.SARAMA)));
        skipRow("hashcode", "no Spring Cloud Stream app runs here; the hashcode model follows PartitionHandler's"
                + " DefaultPartitionSelector (abs(hashCode) % P) over java.lang.String.hashCode; model puts the salted"
                + " keys on " + ordered(predicted(ClientModel.HASHCODE)));
        assertThat(ROWS).anySatisfy(r -> assertThat(r.get("client")).isEqualTo("sarama"));
    }

    private static void skipRow(String client, String why) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("client", client);
        row.put("skipped", why);
        ROWS.add(row);
    }

    @AfterAll
    static void writeClientsJson() throws IOException {
        Path dir = Path.of(System.getProperty("hotkey.report.dir", "target/hotkey-report"));
        Files.createDirectories(dir);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("keys", KEYS);
        document.put("partitions", PARTITIONS);
        List<Map<String, Object>> rows = new ArrayList<>(ROWS);
        rows.sort((a, b) -> String.valueOf(a.get("client")).compareTo(String.valueOf(b.get("client"))));
        document.put("clients", rows);
        Path tmp = Files.createTempFile(dir, "clients", ".json.tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), document);
        Files.move(tmp, dir.resolve("clients.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Map<String, Integer> kafkaJs(KafkaBackend kafka, String partitioner) throws Exception {
        String why = ExternalClients.whyNoKafkaJs();
        skipIf("kafkajs-" + partitioner, why);
        String topic = createTopic(kafka, "kafkajs-" + partitioner);
        List<String> command = new ArrayList<>(List.of("node", ExternalClients.JS_DIR.resolve("produce.js").toString(),
                kafka.bootstrapServers(), topic, partitioner));
        command.addAll(KEYS);
        ExternalClients.Result result = ExternalClients.run(command, null, CLIENT_TIMEOUT);
        assertThat(result.exitCode()).as("node produce.js: %s", result.stderr()).isZero();
        Map<String, Integer> observed = readBack(kafka, topic);
        // What KafkaJS itself reported must match what the broker holds.
        ObjectMapper json = new ObjectMapper();
        for (String line : result.stdout().lines().toList()) {
            var node = json.readTree(line);
            assertThat(observed.get(node.get("key").asText())).isEqualTo(node.get("partition").asInt());
        }
        return observed;
    }

    private Map<String, Integer> kcat(KafkaBackend kafka, String label, List<String> extra) throws Exception {
        skipIf("kcat-" + label, ExternalClients.whyNoKcat());
        String topic = createTopic(kafka, "kcat-" + label);
        List<String> command = new ArrayList<>(List.of("kcat", "-P", "-b", kafka.bootstrapServers(), "-t", topic,
                "-K", "|", "-X", "message.timeout.ms=15000", "-X", "socket.timeout.ms=10000"));
        command.addAll(extra);
        StringBuilder stdin = new StringBuilder();
        for (String key : KEYS) {
            stdin.append(key).append('|').append("kcat-").append(label).append('\n');
        }
        ExternalClients.Result result = ExternalClients.run(command, stdin.toString(), CLIENT_TIMEOUT);
        assertThat(result.exitCode()).as("kcat: %s", result.stderr()).isZero();
        return readBack(kafka, topic);
    }

    private static void skipIf(String client, String why) {
        if (why != null) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("client", client);
            row.put("skipped", why);
            ROWS.add(row);
        }
        RequiredTool.require(why); // skipped with the reason here, fails on CI
    }

    private static String createTopic(KafkaBackend kafka, String client) throws Exception {
        return ExternalClients.createTopic(kafka, "placement-" + client, PARTITIONS);
    }

    /** Reads the whole topic from the beginning and returns the partition of every key (each key once). */
    private static Map<String, Integer> readBack(KafkaBackend kafka, String topic) {
        Map<String, Integer> observed = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : ExternalClients.readBack(kafka, topic, PARTITIONS, KEYS.size())) {
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            seen.add(key);
            observed.put(key, r.partition());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(KEYS);
        return observed;
    }

    private static Map<String, Integer> predicted(ClientModel model) {
        Map<String, Integer> predicted = new HashMap<>();
        for (String key : KEYS) {
            predicted.put(key, model.partitionFor(key, PARTITIONS));
        }
        return predicted;
    }

    private static void record(String client, String library, ClientModel model, Map<String, Integer> observed) {
        Map<String, Integer> predicted = predicted(model);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("client", client);
        row.put("library", library);
        row.put("model", model.cliName());
        row.put("rule", model.rule());
        row.put("observed", ordered(observed));
        row.put("predicted", ordered(predicted));
        row.put("agrees", observed.equals(predicted));
        row.put("saltedSpreadOverAllPartitions", KEYS.subList(1, KEYS.size()).stream()
                .map(observed::get).distinct().count() == PARTITIONS);

        ROWS.add(row);
    }

    private static Map<String, Integer> ordered(Map<String, Integer> byKey) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        KEYS.forEach(k -> ordered.put(k, byKey.get(k)));
        return ordered;
    }

    private static String kafkaJsVersion() throws IOException {
        Path pkg = ExternalClients.JS_DIR.resolve("node_modules").resolve("kafkajs").resolve("package.json");
        return new ObjectMapper().readTree(pkg.toFile()).get("version").asText();
    }

    /** {@code kcat 1.7.1, librdkafka 2.0.2} from the banner of {@code kcat -V}. */
    private static String kcatVersion() {
        String banner = ExternalClients.run(List.of("kcat", "-V"), null, Duration.ofSeconds(10)).stdout();
        Matcher kcat = Pattern.compile("Version (\\S+)").matcher(banner);
        Matcher librdkafka = Pattern.compile("librdkafka (\\S+)").matcher(banner);
        return "kcat " + (kcat.find() ? kcat.group(1) : "?") + ", librdkafka "
                + (librdkafka.find() ? librdkafka.group(1) : "?");
    }
}
