package dev.hotkeylab.dashboard;

import dev.hotkeylab.dashboard.SnapshotCalculator.GroupMember;
import dev.hotkeylab.dashboard.SnapshotCalculator.Reading;
import dev.hotkeylab.dashboard.SnapshotCalculator.SampledRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Polls the Admin API for one topic and optionally one consumer group and turns the answers into a
 * {@link TopicSnapshot}: records and growth per partition (log end offsets), members and their partitions
 * (describeConsumerGroups), committed offsets and lag (listConsumerGroupOffsets), and what each member processed
 * (committed-offset deltas credited to the partition's owner at the time). It needs nothing from the producer or the
 * consumers, so it works for any topic and group on any cluster. This class does the I/O; the arithmetic (rates, lag,
 * skew, credits, hot keys) is {@link SnapshotCalculator}'s, which is tested without a broker.
 *
 * <p>The newest key of each partition is read back with a group-less consumer (seek to end - 1) at most once a
 * second, so the page can show which key is hot.
 *
 * <p>Not thread-safe: one thread calls {@link #poll()}. Owns an admin client and a consumer, hence AutoCloseable.
 */
public final class TopicWatcher implements AutoCloseable {

    private final String topic;
    private final String group;
    private final String bootstrap;
    private final Duration timeout;
    private final LongSupplier clock;
    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private KafkaConsumer<String, byte[]> keyReader;

    private final SnapshotCalculator calculator;
    private TopicSnapshot latest;
    /** Reads the group as a share group too; its figures arrive when the group is one. */
    private final ShareLag share;

    /**
     * @param clientConfig Kafka client settings, at least {@code bootstrap.servers}
     * @param topic        the topic to watch
     * @param group        the consumer group to watch, or null
     * @param timeout      how long one Admin call may take before the poll reports an error
     */
    public TopicWatcher(Map<String, Object> clientConfig, String topic, String group, Duration timeout) {
        this(clientConfig, topic, group, timeout, System::currentTimeMillis);
    }

    TopicWatcher(Map<String, Object> clientConfig, String topic, String group, Duration timeout, LongSupplier clock) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must be a non-blank string but got \"" + topic + "\"");
        }
        Object servers = clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null) {
            throw new IllegalArgumentException("clientConfig must contain bootstrap.servers but has " + clientConfig.keySet());
        }
        this.topic = topic;
        this.group = group;
        this.bootstrap = servers.toString();
        this.timeout = timeout;
        this.clock = clock;
        Map<String, Object> adminConfig = new HashMap<>(clientConfig);
        int timeoutMs = (int) timeout.toMillis();
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "hotkey-dashboard-admin");
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        this.admin = Admin.create(adminConfig);
        this.consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "hotkey-dashboard-keys");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        consumerConfig.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        this.calculator = new SnapshotCalculator(topic, group, clock);
        this.latest = TopicSnapshot.empty(topic, group, clock.getAsLong(), "not polled yet");
        this.share = group == null ? null : new ShareLag(admin, topic, group);
    }

    /** The last snapshot taken (a placeholder before the first poll). */
    public TopicSnapshot latest() {
        return latest;
    }

    /**
     * Asks the broker once and returns the new snapshot. Never throws for broker trouble: the snapshot's
     * {@code error} says what went wrong and keeps the previous figures.
     */
    public TopicSnapshot poll() {
        long now = clock.getAsLong();
        try {
            latest = pollOnce(now);
        } catch (UnknownTopicOrPartitionException e) {
            latest = TopicSnapshot.empty(topic, group, now, "topic '" + topic + "' does not exist (yet) on " + bootstrap);
        } catch (TimeoutException e) {
            latest = withError(now, "no answer from Kafka at " + bootstrap + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            latest = withError(now, "interrupted");
        } catch (RuntimeException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnknownTopicOrPartitionException) {
                latest = TopicSnapshot.empty(topic, group, now, "topic '" + topic + "' does not exist (yet) on " + bootstrap);
            } else {
                latest = withError(now, "Kafka at " + bootstrap + ": " + oneLine(cause));
            }
        }
        return latest;
    }

    private TopicSnapshot withError(long now, String error) {
        TopicSnapshot p = latest;
        return new TopicSnapshot(topic, group, now, error, p.groupState(), p.partitions(), p.members(), p.skew(),
                p.hotKeys(), p.share());
    }

    private TopicSnapshot pollOnce(long now) throws InterruptedException, ExecutionException, TimeoutException {
        Reading reading = read(now);
        Map<Integer, Long> sampleFrom = calculator.keySampleStarts(now, reading.startOffsets(), reading.endOffsets());
        if (!sampleFrom.isEmpty()) {
            calculator.observeSampledKeys(readKeys(sampleFrom), reading.endOffsets());
        }
        TopicSnapshot snapshot = calculator.snapshot(reading);
        return share == null ? snapshot
                : snapshot.withShare(share.read(reading.startOffsets(), reading.endOffsets(), timeout));
    }

    /**
     * One round of Admin calls: log start and end offsets per partition, and with a group its description and committed
     * offsets (a group that does not exist reads as no members and no commits).
     */
    private Reading read(long now) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        int partitionCount = description.partitions().size();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
        for (int p = 0; p < partitionCount; p++) {
            earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
            latestSpec.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>> startsF = admin.listOffsets(earliest).all();
        KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>> endsF = admin.listOffsets(latestSpec).all();
        KafkaFuture<Map<String, ConsumerGroupDescription>> groupF = null;
        KafkaFuture<Map<TopicPartition, OffsetAndMetadata>> committedF = null;
        if (group != null) {
            groupF = admin.describeConsumerGroups(List.of(group)).all();
            committedF = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata();
        }
        Map<TopicPartition, ListOffsetsResultInfo> starts = get(startsF);
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(endsF);

        List<GroupMember> groupMembers = new ArrayList<>();
        Map<Integer, Long> committed = new HashMap<>();
        Map<Integer, String> committedBy = new HashMap<>();
        String groupState = null;
        if (group != null) {
            ConsumerGroupDescription g = describeGroup(groupF);
            if (g != null) {
                groupState = g.groupState() == null ? null : g.groupState().name();
                for (MemberDescription m : g.members()) {
                    List<Integer> owned = m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(topic))
                            .map(TopicPartition::partition).sorted().toList();
                    // The coordinator reports the address as InetAddress.toString(): "/127.0.0.1".
                    String host = m.host() != null && m.host().startsWith("/") ? m.host().substring(1) : m.host();
                    groupMembers.add(new GroupMember(m.consumerId(), m.clientId(), host, owned));
                }
            }
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committedOffsets(committedF).entrySet()) {
                if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                    committed.put(e.getKey().partition(), e.getValue().offset());
                    committedBy.put(e.getKey().partition(), e.getValue().metadata());
                }
            }
        }
        long[] startOffsets = new long[partitionCount];
        long[] endOffsets = new long[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            startOffsets[p] = starts.containsKey(tp) ? starts.get(tp).offset() : 0L;
            endOffsets[p] = ends.containsKey(tp) ? ends.get(tp).offset() : 0L;
        }
        return new Reading(now, startOffsets, endOffsets, groupState, groupMembers, committed, committedBy);
    }

    /** Reads the records from the given offsets (partition to offset) with the group-less key reader, one poll. */
    private List<SampledRecord> readKeys(Map<Integer, Long> from) {
        if (keyReader == null) {
            keyReader = new KafkaConsumer<>(consumerConfig);
        }
        keyReader.assign(from.keySet().stream().map(p -> new TopicPartition(topic, p)).toList());
        from.forEach((p, offset) -> keyReader.seek(new TopicPartition(topic, p), offset));
        List<SampledRecord> records = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : keyReader.poll(Duration.ofMillis(300))) {
            records.add(new SampledRecord(r.partition(), r.offset(), r.key()));
        }
        return records;
    }

    private ConsumerGroupDescription describeGroup(KafkaFuture<Map<String, ConsumerGroupDescription>> f)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return get(f).get(group);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(KafkaFuture<Map<TopicPartition, OffsetAndMetadata>> f)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return get(f);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        if (keyReader != null) {
            keyReader.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
        admin.close(Duration.ofSeconds(2));
    }
}
