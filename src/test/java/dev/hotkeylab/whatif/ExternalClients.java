package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.broker.KafkaBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Runs the real non-Java clients (node + KafkaJS from {@code src/test/js}, kcat) for placement tests, and says why
 * one cannot run so a test can skip with that reason; creates the topic they write to and reads back where their
 * records landed.
 */
final class ExternalClients {

    /** The npm project with KafkaJS pinned (package.json + package-lock.json); {@code npm ci} there installs it. */
    static final Path JS_DIR = Path.of("src", "test", "js");

    private ExternalClients() {
    }

    /** Null when node and the pinned KafkaJS are usable, else why not. */
    static String whyNoKafkaJs() {
        String node = whyNot(List.of("node", "--version"));
        if (node != null) {
            return "node is not installed (" + node + ")";
        }
        if (!Files.isDirectory(JS_DIR.resolve("node_modules").resolve("kafkajs"))) {
            return "KafkaJS is not installed: run `npm ci` in " + JS_DIR;
        }
        return null;
    }

    /** The producer script for confluent-kafka-python. */
    static final Path PYTHON_PRODUCER = Path.of("src", "test", "python", "produce.py");

    /**
     * A Python interpreter that can import Debian's {@code python3-confluent-kafka} ({@code /usr/bin/python3} first:
     * a {@code python3} earlier on the PATH, e.g. pyenv's, does not see Debian's packages), or null.
     */
    static String confluentKafkaPython() {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (whyNot(List.of(python, "-c", "import confluent_kafka")) == null) {
                return python;
            }
        }
        return null;
    }

    /** Null when confluent-kafka-python can be imported, else why not. */
    static String whyNoConfluentKafkaPython() {
        return confluentKafkaPython() != null ? null
                : "confluent-kafka-python is not installed (apt-get install python3-confluent-kafka)";
    }

    /** The Go program that calls Sarama's own hash partitioner. */
    static final Path SARAMA_SOURCE = Path.of("src", "test", "go", "sarama_partitions.go");
    /** Debian's golang-github-shopify-sarama-dev puts Sarama's source here (a GOPATH, built offline). */
    static final Path DEBIAN_GOPATH = Path.of("/usr/share/gocode");
    private static final Path SARAMA_BINARY = Path.of("target", "go", "sarama_partitions");

    /** Null when Go and Debian's Sarama source are installed, else why not. */
    static String whyNoSarama() {
        String go = whyNot(List.of("go", "version"));
        if (go != null) {
            return "Go is not installed (apt-get install golang-go): " + go;
        }
        if (!Files.isDirectory(DEBIAN_GOPATH.resolve("src/github.com/Shopify/sarama"))) {
            return "Sarama's source is not installed (apt-get install golang-github-shopify-sarama-dev)";
        }
        return null;
    }

    /**
     * Builds {@code sarama_partitions} (once per checkout: the binary is kept in {@code target/go}) with
     * {@code GO111MODULE=off} against Debian's GOPATH, so nothing is downloaded; returns the binary.
     */
    static synchronized Path saramaPartitions() {
        if (Files.isExecutable(SARAMA_BINARY)) {
            return SARAMA_BINARY;
        }
        try {
            Files.createDirectories(SARAMA_BINARY.getParent());
            ProcessBuilder build = new ProcessBuilder("go", "build", "-o", SARAMA_BINARY.toString(),
                    SARAMA_SOURCE.toString());
            build.environment().put("GO111MODULE", "off");
            build.environment().put("GOPATH", DEBIAN_GOPATH.toString());
            build.environment().put("GOFLAGS", "");
            // The build cache next to the binary: CI may run without a HOME for Go's default cache.
            build.environment().put("GOCACHE", SARAMA_BINARY.getParent().resolve("cache").toAbsolutePath().toString());
            build.redirectErrorStream(true);
            Process process = build.start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("go build of " + SARAMA_SOURCE + " did not finish within 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("go build of " + SARAMA_SOURCE + " failed: " + output.join());
            }
            return SARAMA_BINARY;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + SARAMA_SOURCE, e);
        }
    }

    /** Null when kcat runs, else why not. */
    static String whyNoKcat() {
        String kcat = whyNot(List.of("kcat", "-V"));
        return kcat == null ? null : "kcat is not installed (apt-get install kcat): " + kcat;
    }

    private static String whyNot(List<String> command) {
        try {
            Result result = run(command, null, Duration.ofSeconds(10));
            return result.exitCode() == 0 ? null : "`" + String.join(" ", command) + "` exited " + result.exitCode();
        } catch (UncheckedIOException e) {
            return e.getCause().getMessage();
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs a command in the project directory, feeding {@code stdin} (may be null), and fails if it takes longer than
     * {@code timeout} (the process is killed).
     */
    static Result run(List<String> command, String stdin, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try {
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` did not finish within " + timeout);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a topic {@code <prefix>-<8 hex>} with {@code partitions} partitions (replication: the brokers, at most 3)
     * for one client's records, and returns its name.
     */
    static String createTopic(KafkaBackend kafka, String prefix, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            short replication = (short) Math.min(3, kafka.brokers());
            admin.createTopics(List.of(new NewTopic(topic, partitions, replication))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    /**
     * Reads partitions {@code 0 .. partitions - 1} of the topic from the beginning with a group-less consumer until
     * {@code expected} records arrived (at most 30 s, else the assertion fails naming the topic), and returns them as
     * read: key and value bytes exactly as the client wrote them (null stays null), with their partitions.
     */
    static List<ConsumerRecord<byte[], byte[]>> readBack(KafkaBackend kafka, String topic, int partitions,
                                                         int expected) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p))
                    .toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            await("all " + expected + " records of " + topic + " read back").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                        assertThat(read).hasSizeGreaterThanOrEqualTo(expected);
                    });
        }
        return read;
    }
}
