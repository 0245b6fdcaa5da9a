package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.dashboard.TopicSnapshot.MemberStats;
import dev.hotkeylab.dashboard.TopicSnapshot.PartitionStats;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.KafkaPartitioning;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import dev.hotkeylab.keys.StrategyContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@KafkaTest
@DisplayName("TopicWatcher: what the Admin API says about a topic and a group")
class TopicWatcherTest {

    @Test
    @DisplayName("a hot partition the group never committed on (10 / 10 / 1,000, commits p0 = p1 = 10): lag 1,000, flagged")
    void uncommittedHotPartition(KafkaBackend kafka) throws Exception {
        String topic = "watch-nocommit-" + UUID.randomUUID();
        String group = topic + "-group";
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()))).all().get();
            sendTo(kafka, topic, Map.of(0, 10, 1, 10, 2, 1_000));
            admin.alterConsumerGroupOffsets(group, Map.of(
                    new TopicPartition(topic, 0), new OffsetAndMetadata(10),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(10))).all().get();
        }
        try (TopicWatcher watcher = new TopicWatcher(kafka.clientConfig(), topic, group, Duration.ofSeconds(5))) {
            TopicSnapshot s = watcher.poll();
            assertThat(s.error()).isNull();
            assertThat(s.partitions()).extracting(PartitionStats::lag).containsExactly(0L, 0L, 1_000L);
            assertThat(s.skew().totalLag()).isEqualTo(1_000L);
            assertThat(s.skew().noCommitPartitions()).containsExactly(2);
        }
    }

    @Test
    @DisplayName("records, committed offsets, lag and idle partitions per partition, as kafka-consumer-groups.sh computes them")
    void offsetsAndLag(KafkaBackend kafka) throws Exception {
        String topic = "watch-lag-" + UUID.randomUUID();
        String group = topic + "-group";
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()))).all().get();
            sendTo(kafka, topic, Map.of(0, 5, 2, 20));
            // An empty group's offsets can be set directly: p0 processed 3 of 5, p2 all 20, p1 nothing.
            admin.alterConsumerGroupOffsets(group, Map.of(
                    new TopicPartition(topic, 0), new OffsetAndMetadata(3),
                    new TopicPartition(topic, 2), new OffsetAndMetadata(20))).all().get();
        }

        try (TopicWatcher watcher = new TopicWatcher(kafka.clientConfig(), topic, group, Duration.ofSeconds(5))) {
            TopicSnapshot s = watcher.poll();

            assertThat(s.error()).isNull();
            assertThat(s.partitions()).extracting(PartitionStats::records).containsExactly(5L, 0L, 20L);
            assertThat(s.partitions()).extracting(PartitionStats::committedOffset).containsExactly(3L, null, 20L);
            // p1 has no commit: its whole backlog (0 records here) is its lag, and it is flagged (PartitionLag)
            assertThat(s.partitions()).extracting(PartitionStats::lag).containsExactly(2L, 0L, 0L);
            assertThat(s.partitions()).extracting(PartitionStats::noCommit).containsExactly(false, true, false);
            assertThat(s.skew().noCommitPartitions()).containsExactly(1);
            assertThat(s.partitions()).extracting(PartitionStats::idle).containsExactly(false, true, false);
            assertThat(s.skew().totalRecords()).isEqualTo(25);
            assertThat(s.skew().maxRecords()).isEqualTo(20);
            assertThat(s.skew().maxOverMean()).isCloseTo(20 / (25 / 3.0), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.skew().idlePartitions()).isEqualTo(1);
            assertThat(s.skew().totalLag()).isEqualTo(2L);
            assertThat(s.skew().members()).isZero();
            // Commits that predate the watcher are nobody's work while it watched.
            assertThat(s.skew().processed()).isZero();
            await("the newest key of each non-empty partition, read back from the log").atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(watcher.poll().partitions()).extracting(PartitionStats::latestKey)
                            .containsExactly("k-0-4", null, "k-2-19"));
        }
    }

    @Test
    @DisplayName("members, their partitions and what each processed match what the consumers themselves counted")
    void membersAndProcessed(KafkaBackend kafka) throws Exception {
        String topic = "watch-group-" + UUID.randomUUID();
        String group = topic + "-group";
        int messages = 600;
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()))).all().get();
        }
        List<GroupConsumer> consumers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (TopicWatcher watcher = new TopicWatcher(kafka.clientConfig(), topic, group, Duration.ofSeconds(5))) {
            assertThat(watcher.poll().members()).isEmpty();
            for (int i = 0; i < 2; i++) {
                GroupConsumer c = new GroupConsumer(kafka.clientConfig(), topic, group, group + "-c" + i, Duration.ZERO, () -> { });
                consumers.add(c);
                Thread t = new Thread(c, "watcher-test-consumer-" + i);
                threads.add(t);
                t.start();
            }
            await("both members assigned, together owning the 3 partitions").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        TopicSnapshot s = watcher.poll();
                        assertThat(s.members()).hasSize(2).allMatch(MemberStats::inGroup);
                        assertThat(s.members()).flatExtracting(MemberStats::partitions).containsExactlyInAnyOrder(0, 1, 2);
                        assertThat(s.groupState()).isEqualTo("STABLE");
                    });
            TopicSnapshot settled = watcher.poll();
            Map<String, List<Integer>> owned = settled.members().stream()
                    .collect(Collectors.toMap(MemberStats::clientId, MemberStats::partitions));

            KeyedProducer.Sent sent;
            try (KeyedProducer producer = new KeyedProducer(kafka.clientConfig(), topic + "-producer",
                    Strategy.PARTITION_AWARE_SALT, AdaptivePartitionerConfig.defaults())) {
                sent = producer.send(topic, StrategyContext.of(3, 7), "CONCERT", messages, 0, 10, new Random(7),
                        n -> { });
            }
            assertThat(sent.perPartition()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 200L, 1, 200L, 2, 200L));

            await("the watcher credits all " + messages + " commits to their owners").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(watcher.poll().skew().processed()).isEqualTo(messages));
            TopicSnapshot done = watcher.poll();
            Map<String, Long> seenByWatcher = done.members().stream()
                    .collect(Collectors.toMap(MemberStats::clientId, MemberStats::processed));
            Map<String, Long> countedByConsumers = consumers.stream()
                    .collect(Collectors.toMap(GroupConsumer::clientId, GroupConsumer::processed));
            assertThat(seenByWatcher).isEqualTo(countedByConsumers);
            owned.forEach((client, partitions) -> assertThat(seenByWatcher.get(client)).isEqualTo(200L * partitions.size()));
            assertThat(done.skew().activeConsumers()).isEqualTo(2);
            assertThat(done.skew().totalLag()).isZero();
            assertThat(done.partitions()).extracting(PartitionStats::ownerClientId).doesNotContainNull();

            consumers.forEach(GroupConsumer::close);
            for (Thread t : threads) {
                t.join(10_000);
            }
            await("members that left keep their figures, marked as gone").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        TopicSnapshot s = watcher.poll();
                        assertThat(s.members()).hasSize(2).noneMatch(MemberStats::inGroup);
                        assertThat(s.skew().members()).isZero();
                        assertThat(s.skew().activeConsumers()).isEqualTo(2);
                        assertThat(s.members()).extracting(MemberStats::processed).containsOnly(200L, 400L);
                    });
        } finally {
            consumers.forEach(GroupConsumer::close);
        }
    }

    @Test
    @DisplayName("work committed by a member the watcher never saw is credited to the client id in the commit metadata")
    void creditByCommitMetadata(KafkaBackend kafka) throws Exception {
        String topic = "watch-meta-" + UUID.randomUUID();
        String group = topic + "-group";
        try (Admin admin = Admin.create(kafka.clientConfig());
             TopicWatcher watcher = new TopicWatcher(kafka.clientConfig(), topic, group, Duration.ofSeconds(5))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(2), Optional.empty()))).all().get();
            sendTo(kafka, topic, Map.of(0, 8, 1, 4));
            assertThat(watcher.poll().partitions()).extracting(PartitionStats::committedOffset).containsOnlyNulls();

            admin.alterConsumerGroupOffsets(group, Map.of(
                    new TopicPartition(topic, 0), new OffsetAndMetadata(8, "quick-consumer"),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(4, ""))).all().get();
            TopicSnapshot s = watcher.poll();

            assertThat(s.members()).singleElement().satisfies(m -> {
                assertThat(m.clientId()).isEqualTo("quick-consumer");
                assertThat(m.processed()).isEqualTo(8);
                assertThat(m.inGroup()).isFalse();
            });
            // Without metadata the work still counts for the group, just for nobody in particular.
            assertThat(s.skew().processed()).isEqualTo(12);
            assertThat(s.skew().activeConsumers()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a topic that does not exist yet is reported, not thrown")
    void missingTopic(KafkaBackend kafka) {
        String topic = "watch-missing-" + UUID.randomUUID();
        try (TopicWatcher watcher = new TopicWatcher(kafka.clientConfig(), topic, null, Duration.ofSeconds(5))) {
            TopicSnapshot s = watcher.poll();

            assertThat(s.error()).isEqualTo("topic '" + topic + "' does not exist (yet) on " + kafka.bootstrapServers());
            assertThat(s.partitions()).isEmpty();
        }
    }

    @Test
    @DisplayName("the hot key's partition is the one Kafka's partitioner names")
    void hotKeyPartition(KafkaBackend kafka) throws Exception {
        String topic = "watch-hot-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()))).all().get();
        }
        try (KeyedProducer producer = new KeyedProducer(kafka.clientConfig(), topic + "-producer", Strategy.FIXED_KEY,
                AdaptivePartitionerConfig.defaults())) {
            producer.send(topic, StrategyContext.of(3, 1), "SUPER_STAR_CONCERT_2026", 50, 0, 10, new Random(1),
                    n -> { });
        }
        int hot = KafkaPartitioning.partitionFor("SUPER_STAR_CONCERT_2026", 3);
        try (TopicWatcher watcher = new TopicWatcher(kafka.clientConfig(), topic, null, Duration.ofSeconds(5))) {
            TopicSnapshot s = watcher.poll();

            assertThat(s.partitions().get(hot).records()).isEqualTo(50);
            assertThat(s.skew().idlePartitions()).isEqualTo(2);
            assertThat(s.skew().maxOverMean()).isEqualTo(3.0);
        }
    }

    private static void sendTo(KafkaBackend kafka, String topic, Map<Integer, Integer> countByPartition) throws Exception {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Map.Entry<Integer, Integer> e : countByPartition.entrySet()) {
                for (int i = 0; i < e.getValue(); i++) {
                    producer.send(new ProducerRecord<>(topic, e.getKey(), "k-" + e.getKey() + "-" + i, "v")).get();
                }
            }
        }
    }
}
