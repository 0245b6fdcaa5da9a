package dev.hotkeylab.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * What hotkey-lab puts on an application's runtime classpath (Maven's, written to {@code target/runtime-classpath.txt}
 * by this project's pom), and that the README's producer runs on exactly that classpath in a JVM of its own.
 */
@KafkaTest
class RuntimeClasspathTest {

    /** kafka-clients and the jars kafka-clients itself brings (compression codecs, slf4j-api). */
    private static final Pattern KAFKA_CLIENTS_OWN =
            Pattern.compile("(kafka-clients|zstd-jni|lz4-java|snappy-java|slf4j-api)-[0-9].*\\.jar");
    /** Application-only jars of hotkey-lab that must never reach a user's application. */
    private static final Pattern APPLICATION_ONLY = Pattern.compile("(log4j-core|log4j-slf4j2-impl|kafka_2\\.13|"
            + "kafka-server|scala-library|testcontainers|docker-java|javalin|jetty|kotlin-stdlib|jedis|postgresql|"
            + "HikariCP|parallel-consumer|picocli|xchart|pdfbox|jackson-databind|HdrHistogram|junit)-.*\\.jar");

    private static List<Path> runtimeClasspath() throws IOException {
        String listing = Files.readString(Path.of(System.getProperty("example.runtime.classpath"))).trim();
        return Arrays.stream(listing.split(File.pathSeparator)).map(Path::of).toList();
    }

    @Test
    void hotkeyLabBringsNoJarButItselfAndNoLoggingConfiguration(TestReporter reporter) throws IOException {
        List<Path> jars = runtimeClasspath();
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.size(jar);
        }
        reporter.publishEntry(String.format("runtime classpath: %d jars, %.1f MiB: %s", jars.size(),
                bytes / 1048576.0, jars.stream().map(p -> p.getFileName().toString()).toList()));

        assertThat(jars).map(p -> p.getFileName().toString()).as("application-only jars of hotkey-lab")
                .noneMatch(name -> APPLICATION_ONLY.matcher(name).matches());
        Path hotkeyLab = jars.stream().filter(p -> p.getFileName().toString().startsWith("hotkey-lab-")).findFirst()
                .orElseThrow(() -> new AssertionError("hotkey-lab is not on the runtime classpath: " + jars));
        try (JarFile jar = new JarFile(hotkeyLab.toFile())) {
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> !n.contains("/")))
                    .as("logging configurations log4j2 or Logback would pick up from hotkey-lab's jar")
                    .noneMatch(n -> n.matches("log4j2(-test)?\\.(xml|json|yaml|yml|properties)|logback(-test)?\\.xml"));
        }
        if (System.getProperty("example.expected.client") == null) {
            // The plain project declares hotkey-lab and kafka-clients only: everything else came with them.
            assertThat(jars).map(p -> p.getFileName().toString())
                    .as("jars besides kafka-clients and its own (hotkey-lab itself)")
                    .filteredOn(name -> !KAFKA_CLIENTS_OWN.matcher(name).matches())
                    .hasSize(1);
        }
    }

    @Test
    void theReadmeProducerRunsOnTheRuntimeClasspathAlone(KafkaBackend kafka, TestReporter reporter) throws Exception {
        String topic = Topics.create(kafka, "tickets-forked", 3);
        List<String> classpath = new ArrayList<>();
        classpath.add(System.getProperty("example.classes"));
        runtimeClasspath().forEach(p -> classpath.add(p.toString()));
        Path out = Files.createTempFile("ticket-producer", ".out");
        Path err = Files.createTempFile("ticket-producer", ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), TicketProducer.class.getName(),
                kafka.bootstrapServers(), topic, "500", "7")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the producer finished within 2 minutes").isTrue();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            reporter.publishEntry("forked producer: " + stdout.trim()
                    + (stderr.isBlank() ? "" : "; stderr: " + stderr.trim()));
            assertThat(process.exitValue()).as("exit code; stderr: %s", stderr).isZero();
            assertThat(stderr).as("stderr").doesNotContain("multiple SLF4J").doesNotContain("log4j")
                    .doesNotContain("Exception");
            Matcher m = Pattern.compile("records per partition: \\[(\\d+), (\\d+), (\\d+)]").matcher(stdout);
            assertThat(m.find()).as("the producer's summary line in: %s", stdout).isTrue();
            int[] counts = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            assertThat(Arrays.stream(counts).min().orElseThrow())
                    .as("fewest records on a partition of %s: the hot concert reached each", Arrays.toString(counts))
                    .isPositive();
            assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(500);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
