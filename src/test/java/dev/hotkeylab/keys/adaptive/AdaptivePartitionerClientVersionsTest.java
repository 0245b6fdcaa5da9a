package dev.hotkeylab.keys.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AdaptivePartitioner in real producers of every kafka-clients line the README claims, against one broker. Per
 * version, one JVM of its own ({@link ClientVersionProducer}) on the classpath Maven resolves for that version
 * (target/kafka-clients/VERSION, written by the build's antrun step) plus hotkey-lab's classes sends 16 cases (the
 * three JVMs run side by side, started by the first test):
 * 2, 3, 4 and 6 partitions, sync and async sends, {@code linger.ms} 0 and the client's default. This JVM reads every
 * record back with a consumer and checks, per case:
 * <ul>
 *   <li>every {@code hotkey-salted} header names the partition the record is on (mismatches: 0);</li>
 *   <li>after the hot key's first spread record, every hot record is spread and carries headers, and each partition
 *       holds the even share of them within 10 %;</li>
 *   <li>cold keys are on their murmur2 partition ({@link BuiltInPartitioner#partitionForKey}) without headers;</li>
 *   <li>records without a key are spread evenly within 10 %;</li>
 *   <li>the detector observed each keyed record once, and before 4.0 the second {@code partition()} call of a record
 *       that opened a new batch was answered from the first (every record of a sync send opens one).</li>
 * </ul>
 */
@KafkaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("AdaptivePartitioner in real producers of kafka-clients 3.6, 3.9 and 4.3 (forked JVM per version, broker)")
class AdaptivePartitionerClientVersionsTest {

    private static final int RECORDS = 720;
    private static final int[] PARTITION_COUNTS = {2, 3, 4, 6};
    private static final Duration FORK_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern CASE_LINE = Pattern.compile("case (\\S+) client=(\\S+) linger=(\\S+) sent=(\\d+) "
            + "observed=(\\d+) spread=(\\d+) headers=(\\d+) missed=(\\d+) repeated=(\\d+) ms=(\\d+)");

    static Stream<String> versions() {
        String versions = System.getProperty("hotkey.clients.versions", "");
        assertThat(versions).as("system property hotkey.clients.versions (set by the pom's surefire configuration)")
                .isNotBlank();
        return Arrays.stream(versions.split(",")).map(String::trim);
    }

    /** One case of the matrix. */
    private record Case(String topic, int partitions, boolean sync, String linger) {
        String arg() {
            return topic + ":" + RECORDS + ":" + (sync ? "sync" : "async") + ":" + linger;
        }

        String label() {
            return "P=" + partitions + " " + (sync ? "sync" : "async") + " linger.ms=" + linger;
        }
    }

    /** The producer JVMs of all versions, started together by the first test (they mostly wait on the broker). */
    private final Map<String, Fork> forks = new HashMap<>();

    @ParameterizedTest(name = "kafka-clients {0}")
    @MethodSource("versions")
    @DisplayName("16 cases: header = real partition for 100 % of records, even spread after detection, cold keys home")
    void everyRecordDecidedOnce(String version, KafkaBackend kafka, TestReporter reporter) throws Exception {
        if (forks.isEmpty()) {
            startAll(kafka);
        }
        Fork fork = forks.get(version);
        List<Case> cases = fork.cases();
        Map<String, Matcher> lines = fork.await(reporter);
        Map<String, List<ConsumerRecord<String, String>>> topics = consumeAll(kafka, cases);

        List<String> summary = new ArrayList<>();
        assertSoftly(softly -> {
            for (Case c : cases) {
                Matcher m = lines.get(c.topic());
                softly.assertThat(m).as("the fork's line for %s", c.topic()).isNotNull();
                if (m == null) {
                    continue;
                }
                softly.assertThat(m.group(2)).as("client version the fork ran").isEqualTo(version);
                Result r = Result.of(topics.getOrDefault(c.topic(), List.of()), c.partitions());
                long keyed = IntStream.range(0, RECORDS).filter(i -> ClientVersionProducer.keyOf(i) != null).count();
                long repeated = Long.parseLong(m.group(9));
                String line = version + " " + c.label() + " (effective linger.ms " + m.group(3) + ", " + m.group(10)
                        + " ms): hot after detection " + Arrays.toString(r.hotAfterDetection)
                        + ", hot detected at record " + r.firstSpreadSeq + ", without key " + Arrays.toString(r.nullKeys)
                        + ", header mismatches " + r.headerMismatches + ", spread hot records without header "
                        + r.missingHeaders + ", cold keys off their murmur2 partition " + r.coldOffHome
                        + ", repeated partition() calls " + repeated;
                summary.add(line);
                reporter.publishEntry(version + " " + c.label(), line);

                softly.assertThat(r.total).as("%s: records read back", line).isEqualTo(RECORDS);
                softly.assertThat(r.headerMismatches).as("%s: header mismatches", line).isZero();
                softly.assertThat(r.missingHeaders).as("%s: spread hot records without header", line).isZero();
                softly.assertThat(r.hotBeforeDetectionOffHome).as("%s: hot records before detection off home", line)
                        .isZero();
                softly.assertThat(r.coldOffHome).as("%s: cold records off their murmur2 partition", line).isZero();
                softly.assertThat(r.unexpectedHeaders).as("%s: cold or keyless records with headers", line).isZero();
                softly.assertThat(r.firstSpreadSeq).as("%s: hot key detected", line).isBetween(0, RECORDS / 4);
                softly.assertThat(withinTenPercent(r.hotAfterDetection)).as("%s: hot spread even within 10 %%", line)
                        .isTrue();
                softly.assertThat(withinTenPercent(r.nullKeys)).as("%s: keyless spread even within 10 %%", line)
                        .isTrue();
                softly.assertThat(Long.parseLong(m.group(5))).as("%s: detector observations", line).isEqualTo(keyed);
                softly.assertThat(Long.parseLong(m.group(6))).as("%s: router's spread records", line)
                        .isEqualTo(Long.parseLong(m.group(7))).isEqualTo(r.salted);
                softly.assertThat(Long.parseLong(m.group(8))).as("%s: headers missed", line).isZero();
                if (version.startsWith("3.") && c.sync()) {
                    softly.assertThat(repeated).as("%s: each sync record opens a batch and is asked twice", line)
                            .isEqualTo(RECORDS);
                } else if (!version.startsWith("3.")) {
                    softly.assertThat(repeated).as("%s: 4.x asks once", line).isZero();
                }
            }
        });
        reporter.publishEntry("kafka-clients " + version, String.join(System.lineSeparator(), summary));
        // The same lines in a file beside the fork's output, to quote from a run whose console was quiet.
        Files.write(fork.out().resolveSibling(version + "-summary.txt"), summary, StandardCharsets.UTF_8);
    }

    private static boolean withinTenPercent(long[] counts) {
        double mean = Arrays.stream(counts).sum() / (double) counts.length;
        return mean > 0 && Arrays.stream(counts).allMatch(n -> Math.abs(n - mean) <= 0.1 * mean);
    }

    @AfterAll
    void stopForks() {
        // Only matters when a test ended before its fork did (a finished process ignores it).
        forks.values().forEach(f -> f.process().destroyForcibly());
    }

    /** Creates every version's topics and starts every version's producer JVM. */
    private void startAll(KafkaBackend kafka) throws Exception {
        Map<String, List<Case>> byVersion = new HashMap<>();
        versions().forEach(version -> {
            String run = version.replace('.', '_') + "-" + UUID.randomUUID().toString().substring(0, 8);
            List<Case> cases = new ArrayList<>();
            for (int partitions : PARTITION_COUNTS) {
                for (boolean sync : new boolean[] {true, false}) {
                    for (String linger : List.of("0", "default")) {
                        cases.add(new Case("clients-" + run + "-p" + partitions + (sync ? "-sync" : "-async")
                                + "-linger-" + linger, partitions, sync, linger));
                    }
                }
            }
            byVersion.put(version, cases);
        });
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(byVersion.values().stream().flatMap(List::stream)
                    .map(c -> new NewTopic(c.topic(), c.partitions(), (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
        for (Map.Entry<String, List<Case>> e : byVersion.entrySet()) {
            forks.put(e.getKey(), Fork.start(e.getKey(), kafka.bootstrapServers(), e.getValue()));
        }
    }

    /** The producer JVM of one version: {@link ClientVersionProducer} on that version's resolved classpath. */
    private record Fork(String version, List<Case> cases, List<String> classpath, Process process, Path out,
            Path err) {

        static Fork start(String version, String bootstrap, List<Case> cases) throws IOException, URISyntaxException {
            Path clients = Path.of(System.getProperty("hotkey.clients.dir", "target/kafka-clients")).resolve(version);
            assertThat(clients).as("kafka-clients %s resolved by the build (mvn generate-test-resources)", version)
                    .isDirectory();
            List<String> classpath = new ArrayList<>();
            try (Stream<Path> jars = Files.list(clients)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> classpath.add(p.toString()));
            }
            assertThat(classpath).as("jars in %s", clients)
                    .anyMatch(j -> j.endsWith("kafka-clients-" + version + ".jar"));
            classpath.add(location(AdaptivePartitioner.class));
            classpath.add(location(ClientVersionProducer.class));

            // A small, quickly started JVM: it sends 16 x 720 records and exits.
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                    String.join(java.io.File.pathSeparator, classpath), ClientVersionProducer.class.getName(),
                    bootstrap));
            cases.forEach(c -> command.add(c.arg()));
            Path dir = Path.of(System.getProperty("hotkey.report.dir", "target/hotkey-report")).getParent()
                    .resolve("client-versions");
            Files.createDirectories(dir);
            Path out = dir.resolve(version + ".out");
            Path err = dir.resolve(version + ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            return new Fork(version, cases, classpath, process, out, err);
        }

        /** Waits for the JVM to finish and returns its case lines by topic. */
        Map<String, Matcher> await(TestReporter reporter) throws IOException, InterruptedException {
            boolean finished = process.waitFor(FORK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(finished).as("producer JVM for %s finished within %s; stderr: %s", version, FORK_TIMEOUT,
                    stderr).isTrue();
            assertThat(process.exitValue()).as("producer JVM for %s exit code; stderr: %s", version, stderr).isZero();
            reporter.publishEntry("classpath " + version, classpath.stream()
                    .map(p -> Path.of(p).getFileName().toString()).collect(Collectors.joining(" ")));
            Map<String, Matcher> lines = new HashMap<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                Matcher m = CASE_LINE.matcher(line);
                if (m.matches()) {
                    lines.put(m.group(1), m);
                }
            }
            return lines;
        }
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Every record of the cases' topics, by topic, read with one consumer. */
    private static Map<String, List<ConsumerRecord<String, String>>> consumeAll(KafkaBackend kafka, List<Case> cases) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, List<ConsumerRecord<String, String>>> out = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> all = cases.stream().flatMap(c -> IntStream.range(0, c.partitions())
                    .mapToObj(p -> new TopicPartition(c.topic(), p))).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> end = consumer.endOffsets(all, Duration.ofSeconds(30));
            await("every record of " + cases.size() + " topics read back").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> {
                        consumer.poll(Duration.ofMillis(200))
                                .forEach(r -> out.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
                        assertThat(all).allSatisfy(tp -> assertThat(consumer.position(tp)).isEqualTo(end.get(tp)));
                    });
        }
        return out;
    }

    /** What one topic holds, read back. */
    private static final class Result {
        int total;
        long[] hotAfterDetection;
        long[] nullKeys;
        int firstSpreadSeq = -1;
        long salted;
        long headerMismatches;
        long missingHeaders;
        long hotBeforeDetectionOffHome;
        long coldOffHome;
        long unexpectedHeaders;

        static Result of(List<ConsumerRecord<String, String>> records, int partitions) {
            Result r = new Result();
            r.total = records.size();
            r.hotAfterDetection = new long[partitions];
            r.nullKeys = new long[partitions];
            int hotHome = BuiltInPartitioner.partitionForKey(
                    ClientVersionProducer.HOT.getBytes(StandardCharsets.UTF_8), partitions);
            List<ConsumerRecord<String, String>> hot = new ArrayList<>();
            for (ConsumerRecord<String, String> rec : records) {
                if (rec.key() == null) {
                    r.nullKeys[rec.partition()]++;
                    r.unexpectedHeaders += rec.headers().toArray().length > 0 ? 1 : 0;
                } else if (rec.key().equals(ClientVersionProducer.HOT)) {
                    hot.add(rec);
                } else {
                    int home = BuiltInPartitioner.partitionForKey(rec.key().getBytes(StandardCharsets.UTF_8),
                            partitions);
                    r.coldOffHome += rec.partition() == home ? 0 : 1;
                    r.unexpectedHeaders += rec.headers().toArray().length > 0 ? 1 : 0;
                }
            }
            hot.sort((a, b) -> Integer.compare(seq(a), seq(b)));
            for (ConsumerRecord<String, String> rec : hot) {
                String salted = AdaptiveHeaders.text(rec.headers(), AdaptiveHeaders.SALTED);
                if (salted != null) {
                    r.salted++;
                    if (r.firstSpreadSeq < 0) {
                        r.firstSpreadSeq = seq(rec);
                    }
                    if (!salted.equals(String.valueOf(rec.partition()))) {
                        r.headerMismatches++;
                    }
                    if (!String.valueOf(hotHome).equals(AdaptiveHeaders.text(rec.headers(),
                            AdaptiveHeaders.HOME_PARTITION))) {
                        r.headerMismatches++;
                    }
                } else if (r.firstSpreadSeq >= 0) {
                    r.missingHeaders++;
                } else if (rec.partition() != hotHome) {
                    r.hotBeforeDetectionOffHome++;
                }
                if (r.firstSpreadSeq >= 0) {
                    r.hotAfterDetection[rec.partition()]++;
                }
            }
            return r;
        }

        private static int seq(ConsumerRecord<String, String> rec) {
            return Integer.parseInt(rec.value().substring("seq-".length()));
        }
    }
}
