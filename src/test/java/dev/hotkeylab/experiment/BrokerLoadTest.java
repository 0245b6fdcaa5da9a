package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** What one hot partition does to a cluster: its leader takes every write of the concert. */
@KafkaTest(backend = "embedded", brokers = 3, brokerProperties = "min.insync.replicas=2")
@DisplayName("Broker load on 3 brokers (replication factor 3, min.insync.replicas=2)")
class BrokerLoadTest {

    private static final ExperimentConfig CONFIG = ExperimentConfig.builder().serviceTimeMillis(0).build();

    @Test
    @DisplayName("FIXED_KEY: one broker leads all 1000 records and all the bytes; the others lead nothing of the concert")
    void fixedKeyLoadsOneBroker(KafkaBackend kafka, TestReporter reporter) {
        ExperimentResult r = new ExperimentRunner(kafka).run(CONFIG.withStrategy(Strategy.FIXED_KEY));
        Figures.of(reporter).put("perPartition", r.distribution().perPartition())
                .put("leaderRecordsByBroker", r.leaderLoad().leaderRecordsByBroker())
                .put("leaderBytesByBroker", r.leaderLoad().leaderBytesByBroker());

        assertThat(r.leaderLoad().leaderRecordsByBroker().values()).containsOnly(0L, 1000L).containsOnlyOnce(1000L);
        assertThat(r.leaderLoad().leaderBytesByBroker().values().stream().filter(b -> b > 0)).hasSize(1);
    }

    @Test
    @DisplayName("PARTITION_AWARE_SALT: each leader carries only its partitions' share")
    void saltingSpreadsTheLoad(KafkaBackend kafka, TestReporter reporter) throws Exception {
        ExperimentResult r = new ExperimentRunner(kafka).keepTopics(true)
                .run(CONFIG.withStrategy(Strategy.PARTITION_AWARE_SALT));
        // Which broker leads which partition, read from the cluster: a broker may lead two of the three.
        Map<Integer, Long> expected = new TreeMap<>();
        Map<Integer, Integer> leaders = new TreeMap<>();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            for (TopicPartitionInfo p : admin.describeTopics(List.of(r.setup().topic())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(r.setup().topic()).partitions()) {
                leaders.put(p.partition(), p.leader().id());
                expected.merge(p.leader().id(), r.onPartition(p.partition()), Long::sum);
            }
            admin.deleteTopics(List.of(r.setup().topic())).all().get(30, TimeUnit.SECONDS);
        }
        Figures.of(reporter).put("perPartition", r.distribution().perPartition()).put("leaderByPartition", leaders)
                .put("leaderRecordsByBroker", r.leaderLoad().leaderRecordsByBroker())
                .put("leaderBytesByBroker", r.leaderLoad().leaderBytesByBroker());

        assertThat(r.distribution().perPartition()).allSatisfy(c -> assertThat(c).isBetween(333L, 334L));
        assertThat(r.leaderLoad().leaderRecordsByBroker()).as("each leader's records = the sum of the partitions it leads")
                .isEqualTo(expected);
        assertThat(r.leaderLoad().leaderRecordsByBroker().values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .isLessThan(1000);
    }
}
