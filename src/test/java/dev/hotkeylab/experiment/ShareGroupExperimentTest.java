package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed's experiment (FIXED_KEY, 3 partitions, 1000 requests) once per {@link GroupType}, with the seed's 3 members
 * and with 9. A consumer group keeps one member busy however many join. A share group (KIP-932) lets several members
 * take records from the one hot partition, but Kafka 4.3's share assignor ({@code SimpleAssignor}) spreads members
 * evenly over partitions, not over load: with 3 members on 3 partitions each member gets one partition, so only one
 * works on the hot key; with 9, three share partition 2. Either way every record stays on partition 2, on its leader.
 */
@DisplayName("Share groups (KIP-932) on the hot key: the seed's experiment per group type")
class ShareGroupExperimentTest {

    private static final ExperimentConfig SEED = ExperimentConfig.builder()
            .key("SUPER_STAR_CONCERT_2026").partitions(3).messages(1000).consumers(3).seed(42)
            .strategy(Strategy.FIXED_KEY).serviceTimeMillis(1).build();

    static void check(KafkaBackend kafka, GroupType type, int members, int activeOnHotPartition) {
        ExperimentResult r = new ExperimentRunner(kafka).with(o -> o.withGroupType(type))
                .run(SEED.toBuilder().consumers(members).build());
        System.out.printf("%s, %d members on %d broker(s): per member %s, out of order per concert %d, drain %d ms, "
                + "%s%n", type, members, kafka.brokers(), r.spread().perConsumer().values().stream()
                        .map(c -> c.partitions() + "=" + c.records()).toList(),
                r.ordering().orderingViolationsPerConcert(), r.timing().drainMillis(), r.share());

        assertThat(r.groupType()).isEqualTo(type.label());
        // Either way the key decides the partition: every record stays on partition 2, on its leader.
        assertThat(r.distribution().perPartition()).containsExactly(0L, 0L, 1000L);
        assertThat(r.distribution().brokerPerPartition()).containsExactly(0L, 0L, 1000L);
        assertThat(r.consumption().processed() - r.consumption().redelivered()).isEqualTo(1000);
        assertThat(r.spread().activeConsumers()).as("members active on the hot partition").isEqualTo(activeOnHotPartition);
        assertThat(r.spread().perConsumer().values()).filteredOn(ConsumerStats::active)
                .allSatisfy(c -> assertThat(c.partitions()).contains(2));
        if (activeOnHotPartition == 1) {
            assertThat(r.ordering().orderingViolationsPerConcert()).isZero();
        } else {
            // Several members on one partition: each record is acquired on its own, so the concert's order is lost.
            assertThat(r.ordering().orderingViolationsPerConcert()).as("requests of the concert out of order").isPositive();
        }
    }

    @Nested
    @KafkaTest
    @DisplayName("1 broker")
    class OneBroker {
        @ParameterizedTest(name = "{0} group, {1} members: {2} active on the hot partition")
        @CsvSource({"CLASSIC, 3, 1", "SHARE, 3, 1", "CLASSIC, 9, 1", "SHARE, 9, 3"})
        void seedsExperiment(GroupType type, int members, int activeOnHotPartition, KafkaBackend kafka) {
            check(kafka, type, members, activeOnHotPartition);
        }
    }

    @Nested
    @KafkaTest(brokers = 3)
    @DisplayName("3 brokers")
    class ThreeBrokers {
        @ParameterizedTest(name = "{0} group, {1} members: {2} active on the hot partition")
        @CsvSource({"CLASSIC, 3, 1", "SHARE, 3, 1", "CLASSIC, 9, 1", "SHARE, 9, 3"})
        void seedsExperiment(GroupType type, int members, int activeOnHotPartition, KafkaBackend kafka) {
            check(kafka, type, members, activeOnHotPartition);
        }
    }
}
