package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.EmbeddedKafka;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The hot partition's leader dies mid-run. The idempotent producer (acks=all) and the group carry on: every request
 * is processed, none is lost, none is written twice.
 */
@KafkaTest(backend = "embedded", brokers = 3, brokerProperties = "min.insync.replicas=2")
@DisplayName("A broker dies: the hot partition's leader is stopped while requests are being produced and consumed")
class BrokerFailureTest {

    /** How far the test's clock and the runner's may disagree about one pause (thread scheduling, not Kafka). */
    private static final long CLOCK_TOLERANCE_MILLIS = 10;

    @Test
    @DisplayName("FIXED_KEY, 3000 requests at 1000/s: nothing lost, nothing duplicated; the measured longest stall "
            + "is the longest pause the handler saw, the failover's included")
    void hotLeaderDiesMidRun(EmbeddedKafka kafka, TestReporter reporter) {
        ExperimentConfig config = ExperimentConfig.builder().strategy(Strategy.FIXED_KEY).messages(3000)
                .ratePerSecond(1000).serviceTimeMillis(0.5).timeout(Duration.ofSeconds(120)).build();
        // The test's own record of when each request was first handled, to find the pause across the failover.
        Map<Long, Long> handledAt = new ConcurrentHashMap<>();
        RequestHandler service = RequestHandler.serviceTime(config.serviceTimeMillis());
        RequestHandler timed = request -> {
            service.handle(request);
            handledAt.putIfAbsent(request.sequence(), System.nanoTime());
        };
        AtomicLong killStarted = new AtomicLong();
        AtomicLong killDone = new AtomicLong();
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
                    kill.set(CompletableFuture.runAsync(() -> {
                        killStarted.set(System.nanoTime());
                        killed.set(stopLeader(kafka, topic, 2));
                        killDone.set(System.nanoTime());
                    }));
                }
            }
        };

        ExperimentResult r = new ExperimentRunner(kafka).run(config, killLeaderOnceBusy, timed);
        kill.get().join();
        // The longest pause between two requests handled one after the other, the first no later than the end of the
        // leader's shutdown and the second after its start: the gap the failover left.
        long[] times = handledAt.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long failoverGapNanos = 0;
        long longestGapNanos = 0;
        for (int i = 1; i < times.length; i++) {
            long gap = times[i] - times[i - 1];
            longestGapNanos = Math.max(longestGapNanos, gap);
            if (times[i - 1] <= killDone.get() && times[i] >= killStarted.get()) {
                failoverGapNanos = Math.max(failoverGapNanos, gap);
            }
        }
        long failoverGapMillis = failoverGapNanos / 1_000_000;
        long longestGapMillis = longestGapNanos / 1_000_000;
        Figures.of(reporter).put("stoppedBroker", killed.get() + " (leader of partition 2)")
                .put("longestStallMillis", r.consumption().longestStallMillis())
                .put("pauseAcrossFailoverMillis", failoverGapMillis)
                .put("longestPauseSeenByHandlerMillis", longestGapMillis)
                .put("leaderShutdownMillis", (killDone.get() - killStarted.get()) / 1_000_000)
                .put("redelivered", r.consumption().redelivered())
                .put("brokerPerPartition", r.distribution().brokerPerPartition())
                .put("leaderRecordsByBroker", r.leaderLoad().leaderRecordsByBroker());

        assertThat(killed.get()).isNotNegative();
        assertThat(r.distribution().perPartition()).containsExactly(0L, 0L, 3000L);
        assertThat(r.distribution().brokerPerPartition()).as("records in the log: none lost, none written twice")
                .containsExactly(0L, 0L, 3000L);
        assertThat(r.consumption().processed() - r.consumption().redelivered()).isEqualTo(3000);
        assertThat(r.leaderLoad().leaderRecordsByBroker()).doesNotContainKey(killed.get());
        assertThat(handledAt).as("requests handled, before and after the failover").hasSize(3000);
        assertThat(failoverGapMillis).as("a pause across the leader's shutdown, seen by the handler").isPositive();
        // The runner's figure is the same pause, taken where the handler returned (not at the batch's merge, not from
        // the first send).
        assertThat(r.consumption().longestStallMillis()).as("the runner's longest stall is the longest pause between "
                + "handled records, %d ms (across the failover: %d ms; tolerance %d ms)", longestGapMillis,
                failoverGapMillis, CLOCK_TOLERANCE_MILLIS)
                .isBetween(longestGapMillis - CLOCK_TOLERANCE_MILLIS, longestGapMillis + CLOCK_TOLERANCE_MILLIS);
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
