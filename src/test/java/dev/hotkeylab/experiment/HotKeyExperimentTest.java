package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's experiment on a real broker: key {@code SUPER_STAR_CONCERT_2026}, a fresh 3-partition topic per run,
 * 1000 ticket requests, a group of 3 consumers. Each test is one finding; its display name says it.
 */
@KafkaTest
@DisplayName("Hot key SUPER_STAR_CONCERT_2026: 3 partitions, 1000 requests, 3 consumers")
class HotKeyExperimentTest {

    private static final ExperimentConfig SEED = ExperimentConfig.builder()
            .key("SUPER_STAR_CONCERT_2026").partitions(3).messages(1000).consumers(3).seed(42)
            // The consumer's work is not what these tests are about; a short wait keeps them quick.
            .serviceTimeMillis(1)
            .build();

    private static ExperimentRunner runner;

    @BeforeAll
    static void runner(KafkaBackend kafka) {
        runner = new ExperimentRunner(kafka);
    }

    @Test
    @DisplayName("FIXED_KEY: all 1000 requests land on partition 2, one consumer works, two idle")
    void fixedKeyFloodsOnePartition(TestReporter reporter) {
        ExperimentResult r = runner.run(SEED.withStrategy(Strategy.FIXED_KEY));
        Figures.of(reporter).experiment(r).partitionsChart("partitions", java.util.List.of(r));

        assertThat(r.distribution().perPartition()).containsExactly(0L, 0L, 1000L);
        assertThat(r.spread().idlePartitions()).containsExactly(0, 1);
        assertThat(r.spread().activeConsumers()).isEqualTo(1);
        assertThat(r.idleConsumers()).isEqualTo(2);
        assertThat(r.spread().maxOverMean()).isCloseTo(3.0, within(1e-9));
        assertThat(r.spread().perConsumer().values()).filteredOn(ConsumerStats::active).singleElement()
                .satisfies(c -> assertThat(c.partitions()).containsExactly(2))
                .satisfies(c -> assertThat(c.records()).isEqualTo(1000));
    }

    @Test
    @DisplayName("RANDOM_SALT _0,_1,_2: the Java client hashes them to partitions 2, 1, 2, so partition 0 gets "
            + "nothing and only 2 consumers work (\"evenly across 0, 1, 2\" holds only for KafkaJS's legacy "
            + "partitioner)")
    void seedsRandomSaltLeavesPartitionZeroEmpty(TestReporter reporter) {
        ExperimentResult r = runner.run(SEED.withStrategy(Strategy.RANDOM_SALT));
        Figures.of(reporter).experiment(r).put("keyPartitions", new java.util.TreeMap<>(r.distribution().keyPartitions()))
                .partitionsChart("partitions", java.util.List.of(r));

        assertThat(r.distribution().keyPartitions()).containsOnly(
                org.assertj.core.api.Assertions.entry("SUPER_STAR_CONCERT_2026_0", 2),
                org.assertj.core.api.Assertions.entry("SUPER_STAR_CONCERT_2026_1", 1),
                org.assertj.core.api.Assertions.entry("SUPER_STAR_CONCERT_2026_2", 2));
        assertThat(r.onPartition(0)).isZero();
        assertThat(r.spread().idlePartitions()).containsExactly(0);
        // Two of the three salts hash to partition 2: about two thirds of the traffic, one third on partition 1.
        assertThat(r.onPartition(2)).isBetween(600L, 733L);
        assertThat(r.onPartition(1)).isEqualTo(1000 - r.onPartition(2));
        assertThat(r.spread().activeConsumers()).isEqualTo(2);
    }

    @Test
    @DisplayName("PARTITION_AWARE_SALT: 333/333/334, all three consumers work")
    void partitionAwareSaltSpreadsExactly(TestReporter reporter) {
        ExperimentResult r = runner.run(SEED.withStrategy(Strategy.PARTITION_AWARE_SALT));
        Figures.of(reporter).experiment(r).put("keyPartitions", new java.util.TreeMap<>(r.distribution().keyPartitions()))
                .partitionsChart("partitions", java.util.List.of(r));

        assertThat(r.distribution().perPartition()).allSatisfy(c -> assertThat(c).isBetween(333L, 334L));
        assertThat(r.distribution().perPartition().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
        assertThat(r.spread().idlePartitions()).isEmpty();
        assertThat(r.spread().activeConsumers()).isEqualTo(3);
        assertThat(r.spread().perConsumer().values()).allSatisfy(c -> {
            assertThat(c.partitions()).hasSize(1);
            assertThat(c.records()).isBetween(333L, 334L);
        });
    }

    @ParameterizedTest(name = "{0}: producer, broker and Kafka''s partitioner agree on every record")
    @EnumSource(Strategy.class)
    void everyCountAgrees(Strategy strategy, TestReporter reporter) {
        ExperimentResult r = runner.run(SEED.withStrategy(strategy));
        Figures.of(reporter).put("perPartition", r.distribution().perPartition()).put("brokerPerPartition", r.distribution().brokerPerPartition())
                .put("predictedPerPartition", r.distribution().predictedPerPartition())
                .put("predictionMismatches", r.distribution().predictionMismatches());

        assertThat(r.distribution().predictionMismatches()).as("records not on the predicted partition").isZero();
        assertThat(r.distribution().perPartition()).isEqualTo(r.distribution().brokerPerPartition()).isEqualTo(r.distribution().predictedPerPartition());
        assertThat(r.distribution().perPartition().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
        assertThat(r.spread().perConsumer().values().stream().mapToLong(ConsumerStats::records).sum())
                .isEqualTo(r.consumption().processed()).isGreaterThanOrEqualTo(1000);
        assertThat(r.spread().perConsumer().values().stream().flatMap(c -> c.partitions().stream()))
                .containsExactlyInAnyOrder(0, 1, 2);
        assertThat(r.timing().latency().count()).isEqualTo(r.consumption().processed());
    }
}
