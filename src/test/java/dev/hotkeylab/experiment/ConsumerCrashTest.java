package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** A consumer dies after handling records but before committing them: the group rebalances and redelivers. */
@KafkaTest
@DisplayName("A consumer dies mid-run without committing")
class ConsumerCrashTest {

    @Test
    @DisplayName("PARTITION_AWARE_SALT: every request is processed at least once and some twice")
    void crashedConsumersRecordsAreRedelivered(KafkaBackend kafka, TestReporter reporter) {
        ExperimentConfig config = ExperimentConfig.builder().strategy(Strategy.PARTITION_AWARE_SALT).messages(1000)
                .serviceTimeMillis(2).build();
        // Member 0 dies after its 70th record: 20 records into its second batch of 50, never committed.
        ExperimentResult r = new ExperimentRunner(kafka).with(o -> o.withCrash(new ConsumerCrash(0, 70))).run(config);
        Figures.of(reporter).put("crashedConsumers", r.consumption().crashedConsumers()).put("processed", r.consumption().processed())
                .put("redelivered", r.consumption().redelivered()).put("perPartition", r.distribution().perPartition());

        assertThat(r.consumption().crashedConsumers()).hasSize(1);
        assertThat(r.consumption().processed() - r.consumption().redelivered()).isEqualTo(1000);
        assertThat(r.consumption().redelivered()).isPositive();
        assertThat(r.distribution().brokerPerPartition().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
    }
}
