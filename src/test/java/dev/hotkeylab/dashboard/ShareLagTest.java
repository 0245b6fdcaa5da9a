package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.ShareGroups;
import dev.hotkeylab.junit.KafkaTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** The dashboard's share-group figures: what {@link ShareLag} reads with Admin's share-group APIs and computes. */
@DisplayName("Share groups on the dashboard: members, acquired records, share lag")
class ShareLagTest {

    @Nested
    @DisplayName("the calculation")
    class Calculation {

        @Test
        @DisplayName("completed-record growth is credited to the partition's members, split evenly when they share it")
        void credit() {
            ShareLag lag = new ShareLag(null, "t", "g");
            List<ShareLag.Member> members = List.of(
                    new ShareLag.Member("a", "c-a", "h", List.of(0)),
                    new ShareLag.Member("b", "c-b", "h", List.of(1)),
                    new ShareLag.Member("c", "c-c", "h", List.of(1)));
            long[] start = {0, 0};
            // First reading is the baseline: nothing completed, no state on p1 yet (its whole log counts as lag).
            TopicSnapshot.ShareGroupStats first = lag.update("STABLE", members, start, new long[] {10, 20},
                    new Long[] {0L, null}, new Long[] {10L, null});
            assertThat(first.totalLag()).isEqualTo(30);
            assertThat(first.members()).extracting(TopicSnapshot.ShareMemberStats::acquiredRecords).containsOnly(0L);

            TopicSnapshot.ShareGroupStats second = lag.update("STABLE", members, start, new long[] {10, 20},
                    new Long[] {4L, 12L}, new Long[] {6L, 6L});

            assertThat(second.totalLag()).isEqualTo(12);
            assertThat(second.partitions()).extracting(TopicSnapshot.SharePartitionStats::completed).containsExactly(4L, 14L);
            assertThat(second.partitions()).extracting(TopicSnapshot.SharePartitionStats::members).containsExactly(1, 2);
            assertThat(second.members()).extracting(TopicSnapshot.ShareMemberStats::clientId,
                            TopicSnapshot.ShareMemberStats::acquiredRecords)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("c-a", 4L),
                            org.assertj.core.groups.Tuple.tuple("c-b", 7L), org.assertj.core.groups.Tuple.tuple("c-c", 7L));

            // b leaves: it keeps its figure, is no longer in the group, and c alone gets p1's next growth.
            TopicSnapshot.ShareGroupStats third = lag.update("STABLE", List.of(members.get(0),
                    new ShareLag.Member("c", "c-c", "h", List.of(1))), start, new long[] {10, 20},
                    new Long[] {4L, 20L}, new Long[] {6L, 0L});
            assertThat(third.members()).extracting(TopicSnapshot.ShareMemberStats::clientId,
                            TopicSnapshot.ShareMemberStats::acquiredRecords, TopicSnapshot.ShareMemberStats::inGroup)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("c-a", 4L, true),
                            org.assertj.core.groups.Tuple.tuple("c-c", 13L, true),
                            org.assertj.core.groups.Tuple.tuple("c-b", 7L, false));
        }
    }

    @Nested
    @DisplayName("a reading that dips")
    class Dip {
        @Test
        @DisplayName("completed records that dip for one reading and recover are credited once (seen: 110 credited of 100)")
        void dipIsNotCreditedTwice() {
            ShareLag lag = new ShareLag(null, "t", "g");
            List<ShareLag.Member> one = List.of(new ShareLag.Member("a", "c-a", "h", List.of(0)));
            long[] start = {0};
            lag.update("STABLE", one, start, new long[] {100}, new Long[] {0L}, new Long[] {100L});
            lag.update("STABLE", one, start, new long[] {100}, new Long[] {20L}, new Long[] {70L});
            // The log end offset read before the coordinator's newer lag: 10 fewer completed for one reading.
            lag.update("STABLE", one, start, new long[] {100}, new Long[] {20L}, new Long[] {80L});
            TopicSnapshot.ShareGroupStats last = lag.update("STABLE", one, start, new long[] {100},
                    new Long[] {50L}, new Long[] {0L});

            assertThat(last.partitions().get(0).completed()).isEqualTo(100);
            assertThat(last.members().get(0).acquiredRecords()).isEqualTo(100);
        }
    }

    static final String PARTLY = "a share member that accepted part of its batch: its acquired records, the start "
            + "offset and the share lag";

    @Nested
    @KafkaTest
    @DisplayName("on 1 broker, through GET /api/runs/{id}")
    class OnOneBroker {
        @Test
        @DisplayName(PARTLY)
        void partlyAcknowledged(KafkaBackend kafka, TestReporter reporter) throws Exception {
            ShareLagTest.partlyAcknowledged(kafka, reporter);
        }
    }

    @Nested
    @KafkaTest(brokers = 3)
    @DisplayName("on 3 brokers, through GET /api/runs/{id}")
    class OnThreeBrokers {
        @Test
        @DisplayName(PARTLY)
        void partlyAcknowledged(KafkaBackend kafka, TestReporter reporter) throws Exception {
            ShareLagTest.partlyAcknowledged(kafka, reporter);
        }
    }

    static void partlyAcknowledged(KafkaBackend kafka, TestReporter reporter) throws Exception {
        String topic = "share-lag-" + UUID.randomUUID().toString().substring(0, 8);
        String group = topic + "-group";
        int records = 100;
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            ShareGroups.configure(admin, group, Map.of("share.auto.offset.reset", "earliest"), 30_000);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientConfig(),
                new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "k" + i, "v")));
            }
            for (Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        try (DashboardServer server = DashboardServer.start(DashboardOptions.defaults().withPort(0),
                (request, publisher) -> {
                    throw new IllegalStateException("no runs here");
                })) {
            HttpJson http = new HttpJson(server.url());
            String id = server.watch("share group", topic, group, kafka.clientConfig());

            Map<String, Object> config = new HashMap<>(kafka.clientConfig());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "share-lag-member");
            // share.acknowledgement.mode (default implicit): explicit, so only the records accepted here count.
            config.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
            try (KafkaShareConsumer<String, String> member = new KafkaShareConsumer<>(config,
                    new StringDeserializer(), new StringDeserializer())) {
                member.subscribe(List.of(topic));
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                await("the share member's first records").atMost(Duration.ofSeconds(30)).until(() -> {
                    ConsumerRecords<String, String> polled = member.poll(Duration.ofMillis(200));
                    polled.forEach(batch::add);
                    return !batch.isEmpty();
                });
                // Accept the first half of the batch (offsets 0..k-1); the rest stays acquired, unacknowledged.
                int accepted = batch.size() / 2;
                batch.subList(0, accepted).forEach(r -> member.acknowledge(r, AcknowledgeType.ACCEPT));
                member.commitSync();

                JsonNode share = awaitShare(http, id, s -> s.get("totalLag").asLong() == records - accepted);
                // Kafka documents the start offset as the earliest offset still evaluated for delivery: records past
                // it may be complete already. Measured on 4.3.1 it trails by one commit of acknowledgements.
                long partStart = share.get("partitions").get(0).get("startOffset").asLong();
                assertThat(partStart).as("share %s", share).isBetween(0L, (long) accepted);
                assertThat(share.get("partitions").get(0).get("completed").asLong()).isEqualTo(accepted);
                assertThat(share.get("partitions").get(0).get("members").asInt()).isEqualTo(1);
                JsonNode m = share.get("members").get(0);
                assertThat(m.get("clientId").asText()).isEqualTo("share-lag-member");
                assertThat(m.get("inGroup").asBoolean()).isTrue();
                assertThat(m.get("partitions").toString()).isEqualTo("[0]");
                assertThat(m.get("acquiredRecords").asLong()).as("share %s", share).isEqualTo(accepted);

                batch.subList(accepted, batch.size()).forEach(r -> member.acknowledge(r, AcknowledgeType.ACCEPT));
                member.commitSync();
                int acknowledged = batch.size();
                while (acknowledged < records) {
                    ConsumerRecords<String, String> polled = member.poll(Duration.ofMillis(200));
                    polled.forEach(r -> member.acknowledge(r, AcknowledgeType.ACCEPT));
                    acknowledged += polled.count();
                    member.commitSync();
                }
                JsonNode done = awaitShare(http, id, s -> s.get("totalLag").asLong() == 0);
                long doneStart = done.get("partitions").get(0).get("startOffset").asLong();
                assertThat(doneStart).as("share %s", done).isBetween((long) partStart, (long) records);
                reporter.publishEntry("share-partition start offset", "after accepting " + accepted + " of "
                        + records + ": " + partStart + "; after all " + records + " (share lag 0): " + doneStart);
                assertThat(done.get("members").get(0).get("acquiredRecords").asLong()).isEqualTo(records);
                assertThat(done.get("groupState").asText()).isEqualTo("STABLE");
            }
        }
    }

    private static JsonNode awaitShare(HttpJson http, String id, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await("the run's snapshot to carry the share group's figures").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    JsonNode snapshot = http.get("/api/runs/" + id).json().get("snapshot");
                    assertThat(snapshot.get("error").isNull()).as("error: %s", snapshot.get("error")).isTrue();
                    JsonNode share = snapshot.get("share");
                    assertThat(share.isObject()).as("snapshot.share: %s", share).isTrue();
                    assertThat(condition.test(share)).as("share figures %s", share).isTrue();
                    seen[0] = share;
                });
        return seen[0];
    }
}
