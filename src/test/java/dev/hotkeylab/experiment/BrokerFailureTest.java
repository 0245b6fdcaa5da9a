package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.EmbeddedKafka;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.findings.WallClock;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The hot partition's leader dies mid-run. The idempotent producer (acks=all) and the group carry on: every request
 * is processed, none is lost, none is written twice.
 */
@KafkaTest(backend = "embedded", brokers = 3, brokerProperties = "min.insync.replicas=2")
@DisplayName("A broker dies: the hot partition's leader is stopped while requests are being produced and consumed")
class BrokerFailureTest {

    @Test
    @Tag(WallClock.TAG)
    @DisplayName("FIXED_KEY, 3000 requests at 1000/s: nothing lost, nothing duplicated, the failover's stall is longer "
            + "than any pause of the same run without it")
    void hotLeaderDiesMidRun(EmbeddedKafka kafka, TestReporter reporter) {
        ExperimentConfig config = ExperimentConfig.builder().strategy(Strategy.FIXED_KEY).messages(3000)
                .ratePerSecond(1000).serviceTimeMillis(0.5).timeout(Duration.ofSeconds(120)).build();
        // The same traffic on the same cluster with every broker up: its longest pause is the machine's own jitter.
        long calmStall = new ExperimentRunner(kafka).run(config).longestStallMillis();
        AtomicInteger killed = new AtomicInteger(-1);
        AtomicReference<CompletableFuture<Void>> kill = new AtomicReference<>();
        ExperimentListener killLeaderOnceBusy = new ExperimentListener() {
            private String topic;

            @Override
            public void started(ExperimentConfig c, String t, String g) {
                topic = t;
            }

            @Override
            public void progress(ExperimentConfig c, long produced, long processed) {
                if (processed >= 500 && kill.get() == null) {
                    kill.set(CompletableFuture.runAsync(() -> killed.set(stopLeader(kafka, topic, 2))));
                }
            }
        };

        ExperimentResult r = new ExperimentRunner(kafka).run(config, killLeaderOnceBusy);
        kill.get().join();
        Figures.of(reporter).put("stoppedBroker", killed.get() + " (leader of partition 2)")
                .put("longestStallMillis", r.longestStallMillis())
                .put("longestStallMillisWithoutFailure", calmStall).put("redelivered", r.redelivered())
                .put("brokerPerPartition", r.brokerPerPartition())
                .put("leaderRecordsByBroker", r.leaderRecordsByBroker());

        assertThat(killed.get()).isNotNegative();
        assertThat(r.perPartition()).containsExactly(0L, 0L, 3000L);
        assertThat(r.brokerPerPartition()).as("records in the log: none lost, none written twice")
                .containsExactly(0L, 0L, 3000L);
        assertThat(r.processed() - r.redelivered()).isEqualTo(3000);
        assertThat(r.leaderRecordsByBroker()).doesNotContainKey(killed.get());
        assertThat(r.longestStallMillis()).as("longest pause with the leader stopped vs %d ms with every broker up",
                calmStall).isGreaterThan(calmStall);
    }

    private static int stopLeader(EmbeddedKafka kafka, String topic, int partition) {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            int leader = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().get(partition).leader().id();
            kafka.cluster().brokers().get(leader).shutdown();
            return leader;
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the leader of " + topic + "-" + partition, e);
        }
    }
}
