package dev.hotkeylab.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Salting against keeping the hot key and parallelising inside its partition with Confluent's Parallel Consumer, at
 * the same total concurrency (3 consumers vs maxConcurrency 3), requests, users and service time. Asserts the
 * behaviour (how many handlers ran at once, what order survived); throughput is measured and written to
 * {@code target/hotkey-report/parallel-consumer.json} for the report, not asserted.
 */
@KafkaTest
@DisplayName("Parallel Consumer on the hot key vs salting, same concurrency and service time")
class ParallelConsumerComparisonTest {

    private static final ExperimentConfig CONFIG = ExperimentConfig.builder()
            .messages(600)
            .consumers(3)
            .serviceTimeMillis(5)
            .users(50)
            .seed(42)
            .timeout(Duration.ofSeconds(90))
            .build();

    @Test
    @DisplayName("KEY mode runs one request at a time on the hot key and keeps every order; UNORDERED runs 3 at once")
    void parallelConsumerModesAgainstSalting(KafkaBackend kafka, TestReporter reporter) throws Exception {
        ParallelConsumerExperiment pc = new ParallelConsumerExperiment(kafka);
        ParallelConsumerResult unordered = pc.run(CONFIG, ProcessingOrder.UNORDERED);
        ParallelConsumerResult key = pc.run(CONFIG, ProcessingOrder.KEY);
        ExperimentRunner runner = new ExperimentRunner(kafka);
        ExperimentResult partitionAware = runner.run(CONFIG.withStrategy(Strategy.PARTITION_AWARE_SALT));
        ExperimentResult entity = runner.run(CONFIG.withStrategy(Strategy.ENTITY_SALT));

        List<Map<String, Object>> rows = write(List.of(unordered, key), List.of(partitionAware, entity));
        Figures figures = Figures.of(reporter);
        for (Map<String, Object> row : rows) {
            figures.put(row.get("run").toString(), String.format(Locale.ROOT, "%.0f records/s, %s at once, "
                    + "out of order: concert %d, user %d", (double) row.get("throughputPerSecond"),
                    (int) row.get("maxInFlight") < 0 ? "-" : row.get("maxInFlight"),
                    (long) row.get("orderingViolationsPerConcert"), (long) row.get("orderingViolationsPerUser")));
        }

        for (ParallelConsumerResult r : List.of(unordered, key)) {
            assertThat(r.processed()).as(r.mode()).isGreaterThanOrEqualTo(CONFIG.messages());
            assertThat(r.maxInFlight()).as(r.mode()).isBetween(1, CONFIG.consumers());
        }
        // Every request carries the concert key: KEY mode may never run two at once, so nothing can be reordered.
        assertThat(key.maxInFlight()).isEqualTo(1);
        assertThat(key.orderingViolationsPerConcert()).isZero();
        assertThat(key.orderingViolationsPerUser()).isZero();
        // UNORDERED uses the whole concurrency inside the one partition.
        assertThat(unordered.maxInFlight()).isEqualTo(CONFIG.consumers());
        // Salting needs all three consumers for the same concurrency; entity salting keeps each user's order.
        assertThat(partitionAware.spread().activeConsumers()).isEqualTo(3);
        assertThat(entity.ordering().orderingViolationsPerUser()).isZero();
    }

    private static List<Map<String, Object>> write(List<ParallelConsumerResult> pcRuns, List<ExperimentResult> saltRuns)
            throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-34s %12s %8s %14s %12s%n",
                "run", "records/s", "in-flight", "concert-order", "user-order"));
        for (ParallelConsumerResult r : pcRuns) {
            rows.add(row("parallel-consumer " + r.mode() + " (hot key, maxConcurrency " + r.concurrency() + ")",
                    r.throughputPerSecond(), r.maxInFlight(), r.orderingViolationsPerConcert(),
                    r.orderingViolationsPerUser(), r.drainMillis(), r.library()));
        }
        for (ExperimentResult r : saltRuns) {
            rows.add(row(r.setup().strategy() + " (" + r.setup().consumers() + " consumers)", r.timing().throughputPerSecond(), -1,
                    r.ordering().orderingViolationsPerConcert(), r.ordering().orderingViolationsPerUser(), r.timing().drainMillis(), "kafka-clients"));
        }
        for (Map<String, Object> row : rows) {
            table.append(String.format(Locale.ROOT, "%-34s %12.0f %8s %14d %12d%n", row.get("run"),
                    (double) row.get("throughputPerSecond"),
                    (int) row.get("maxInFlight") < 0 ? "-" : row.get("maxInFlight").toString(),
                    (long) row.get("orderingViolationsPerConcert"), (long) row.get("orderingViolationsPerUser")));
        }
        System.out.print(table);
        Map<String, Object> doc = new LinkedHashMap<>();
        // Where and when: the run report shows these figures as another tool's, never as its own run's.
        doc.put("measuredBy", "ParallelConsumerComparisonTest (mvn test)");
        doc.put("measuredAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        doc.put("messages", CONFIG.messages());
        doc.put("serviceTimeMillis", CONFIG.serviceTimeMillis());
        doc.put("concurrency", CONFIG.consumers());
        doc.put("users", CONFIG.users());
        doc.put("seed", CONFIG.seed());
        doc.put("runs", rows);
        doc.put("parallelConsumer", pcRuns);
        Path dir = Path.of(System.getProperty("hotkey.report.dir", "target/hotkey-report"));
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "parallel-consumer", ".json.tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), doc);
        Files.move(tmp, dir.resolve("parallel-consumer.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    private static Map<String, Object> row(String run, double throughput, int maxInFlight, long concertViolations,
                                           long userViolations, long drainMillis, String library) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", run);
        row.put("throughputPerSecond", throughput);
        row.put("maxInFlight", maxInFlight);
        row.put("orderingViolationsPerConcert", concertViolations);
        row.put("orderingViolationsPerUser", userViolations);
        row.put("drainMillis", drainMillis);
        row.put("library", library);
        return row;
    }
}
