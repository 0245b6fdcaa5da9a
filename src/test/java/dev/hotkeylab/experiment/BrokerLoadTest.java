package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What one hot partition does to a cluster: its leader takes every write of the concert. */
@KafkaTest(backend = "embedded", brokers = 3, brokerProperties = "min.insync.replicas=2")
@DisplayName("Broker load on 3 brokers (replication factor 3, min.insync.replicas=2)")
class BrokerLoadTest {

    private static final ExperimentConfig CONFIG = ExperimentConfig.builder().serviceTimeMillis(0).build();

    @Test
    @DisplayName("FIXED_KEY: one broker leads all 1000 records and all the bytes; the others lead nothing of the concert")
    void fixedKeyLoadsOneBroker(KafkaBackend kafka) {
        ExperimentResult r = new ExperimentRunner(kafka).run(CONFIG.withStrategy(Strategy.FIXED_KEY));
        System.out.printf("FIXED_KEY leader records by broker %s, bytes %s%n", r.leaderRecordsByBroker(),
                r.leaderBytesByBroker());

        assertThat(r.leaderRecordsByBroker().values()).containsOnly(0L, 1000L).containsOnlyOnce(1000L);
        assertThat(r.leaderBytesByBroker().values().stream().filter(b -> b > 0)).hasSize(1);
    }

    @Test
    @DisplayName("PARTITION_AWARE_SALT: each leader carries only its partitions' share")
    void saltingSpreadsTheLoad(KafkaBackend kafka) {
        ExperimentResult r = new ExperimentRunner(kafka).run(CONFIG.withStrategy(Strategy.PARTITION_AWARE_SALT));
        System.out.printf("PARTITION_AWARE_SALT leader records by broker %s, bytes %s%n", r.leaderRecordsByBroker(),
                r.leaderBytesByBroker());

        assertThat(r.leaderRecordsByBroker().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
        assertThat(r.leaderRecordsByBroker().values()).allSatisfy(c -> assertThat(c % 333).isLessThanOrEqualTo(2));
        assertThat(r.leaderRecordsByBroker().values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .isLessThan(1000);
    }
}
