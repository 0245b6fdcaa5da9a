package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.BrokerCounters;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
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
        ExperimentResult r = new ExperimentRunner(kafka).with(o -> o.withKeepTopics(true))
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

    /** Each broker's share of all bytes in, by broker id. */
    private static Map<Integer, Double> shareOfBytesIn(ExperimentResult r) {
        double total = r.brokerTraffic().perBroker().values().stream()
                .mapToDouble(BrokerTraffic.Rates::bytesInPerSecond).sum();
        Map<Integer, Double> out = new TreeMap<>();
        r.brokerTraffic().perBroker().forEach((b, rates) -> out.put(b, rates.bytesInPerSecond() / total));
        return out;
    }

    @Test
    @DisplayName("brokers' own metrics: under FIXED_KEY the hot leader takes >= 60 % of bytes in and out; salting "
            + "gives at least two brokers >= 15 % each")
    void brokersOwnBytes(KafkaBackend kafka, TestReporter reporter) {
        // 5000 requests of about 200 B: about 1 MB that under FIXED_KEY reaches one leader; group, metadata and idle
        // fetch requests reach every broker but are a few KB in a run of a few seconds, so 60 % leaves a wide margin
        // below the ~95 % expected, and 15 % under salting is far below the third (or two thirds) a leader of one
        // (or two) of the three partitions takes.
        ExperimentConfig config = ExperimentConfig.builder().serviceTimeMillis(0).messages(5000).build();
        ExperimentResult fixed = new ExperimentRunner(kafka).run(config.withStrategy(Strategy.FIXED_KEY));
        ExperimentResult salted = new ExperimentRunner(kafka).run(config.withStrategy(Strategy.PARTITION_AWARE_SALT));
        Map<Integer, Double> fixedShares = shareOfBytesIn(fixed);
        Map<Integer, Double> saltedShares = shareOfBytesIn(salted);
        Figures.of(reporter).put("FIXED_KEY leaderRecordsByBroker", fixed.leaderLoad().leaderRecordsByBroker())
                .put("FIXED_KEY brokerTraffic", fixed.brokerTraffic().perBroker())
                .put("FIXED_KEY shareOfBytesIn", fixedShares)
                .put("PARTITION_AWARE_SALT leaderRecordsByBroker", salted.leaderLoad().leaderRecordsByBroker())
                .put("PARTITION_AWARE_SALT brokerTraffic", salted.brokerTraffic().perBroker())
                .put("PARTITION_AWARE_SALT shareOfBytesIn", saltedShares);

        assertThat(fixed.brokerTraffic().source()).isEqualTo(BrokerCounters.SOURCE);
        assertThat(fixed.brokerTraffic().perBroker()).hasSize(3);
        int hot = fixed.leaderLoad().leaderRecordsByBroker().entrySet().stream().filter(e -> e.getValue() == 5000L)
                .findFirst().orElseThrow().getKey();
        assertThat(fixedShares.get(hot)).as("the hot leader's share of bytes in").isGreaterThanOrEqualTo(0.6);
        double fixedOut = fixed.brokerTraffic().perBroker().values().stream()
                .mapToDouble(BrokerTraffic.Rates::bytesOutPerSecond).sum();
        assertThat(fixed.brokerTraffic().perBroker().get(hot).bytesOutPerSecond() / fixedOut)
                .as("the hot leader's share of bytes out (to the consumer and both followers)")
                .isGreaterThanOrEqualTo(0.6);
        assertThat(fixed.brokerTraffic().perBroker().values())
                .allSatisfy(rates -> assertThat(rates.networkIdle()).isBetween(0.0, 1.0));
        assertThat(saltedShares.values().stream().filter(share -> share >= 0.15)).as("brokers with >= 15 %% of "
                + "bytes in under salting").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("delete-consumed: records below committed offsets are deleted, every request still processed once, "
            + "end offsets unchanged, leader bytes from the producer")
    void deleteConsumed(KafkaBackend kafka, TestReporter reporter) throws Exception {
        ExperimentResult r = new ExperimentRunner(kafka)
                .with(o -> o.withKeepTopics(true).withRecords(RecordRetention.DELETE_CONSUMED)
                        .withCommits(CommitPolicy.SMALL_BATCHES))
                .run(ExperimentConfig.builder().serviceTimeMillis(0).messages(3000).build().withStrategy(Strategy.PARTITION_AWARE_SALT));
        Map<Integer, Long> start = new TreeMap<>();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            var request = new java.util.HashMap<TopicPartition,
                    OffsetSpec>();
            for (int p = 0; p < 3; p++) {
                request.put(new TopicPartition(r.setup().topic(), p),
                        OffsetSpec.earliest());
            }
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> start.put(tp.partition(), info.offset()));
            var committed = admin.listConsumerGroupOffsets(r.setup().group()).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Figures.of(reporter).put("logStartOffsets", start).put("committed", committed)
                    .put("brokerTraffic", r.brokerTraffic()).put("leaderBytesByBroker", r.leaderLoad().leaderBytesByBroker());
            committed.forEach((tp, offset) -> assertThat(start.get(tp.partition()))
                    .as("log start of p%d never past its committed offset", tp.partition())
                    .isLessThanOrEqualTo(offset.offset()));
            admin.deleteTopics(List.of(r.setup().topic())).all().get(30, TimeUnit.SECONDS);
        }
        assertThat(r.consumption().processed()).isEqualTo(3000);
        assertThat(r.distribution().brokerPerPartition()).isEqualTo(r.distribution().perPartition());
        assertThat(r.brokerTraffic().records()).isEqualTo("deleted as consumed");
        assertThat(r.brokerTraffic().leaderBytesSource()).isEqualTo(BrokerTraffic.PRODUCER_BYTES);
        assertThat(r.leaderLoad().leaderBytesByBroker().values().stream().mapToLong(Long::longValue).sum())
                .as("about 200 B a request").isBetween(3000L * 100, 3000L * 400);
    }
}
