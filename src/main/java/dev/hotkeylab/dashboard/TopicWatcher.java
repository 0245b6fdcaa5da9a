package dev.hotkeylab.dashboard;

import dev.hotkeylab.dashboard.TopicSnapshot.MemberStats;
import dev.hotkeylab.dashboard.TopicSnapshot.PartitionStats;
import dev.hotkeylab.dashboard.TopicSnapshot.Skew;
import dev.hotkeylab.hotkeys.HeavyHitter;
import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.hotkeys.HeavyHitterDetector;
import dev.hotkeylab.metrics.PartitionLag;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * consumers, so it works for any topic and group on any cluster.
 *
 * <p>The newest key of each partition is read back with a group-less consumer (seek to end - 1) at most once a
 * second, so the page can show which key is hot.
 *
 * <p>Not thread-safe: one thread calls {@link #poll()}. Owns an admin client and a consumer, hence AutoCloseable.
 */
public final class TopicWatcher implements AutoCloseable {

    /** Figures per second are averaged over this window, long enough to smooth commit batches. */
    static final long RATE_WINDOW_MILLIS = 2_000;
    private static final long KEY_SAMPLE_EVERY_MILLIS = 1_000;
    private static final int MAX_KEY_CHARS = 120;
    /** Newest records read per grown partition and second for the hot-key panel. */
    static final int KEY_SAMPLE_RECORDS = 200;
    private static final int HOT_KEY_COUNTERS = 64;
    private static final int HOT_KEYS_SHOWN = 5;
    /** How the hot-key panel names records without a key. */
    static final String NULL_KEY = "(null key)";

    private final String topic;
    private final String group;
    private final String bootstrap;
    private final Duration timeout;
    private final LongSupplier clock;
    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private KafkaConsumer<String, byte[]> keyReader;

    private final Map<Integer, Long> lastCommitted = new HashMap<>();
    private final Set<Integer> seenUncommitted = new HashSet<>();
    private final Map<Integer, String> lastOwner = new HashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Deque<Sample> window = new ArrayDeque<>();
    private final Map<Integer, String> latestKeys = new HashMap<>();
    private final Map<Integer, Long> keySampledAtEnd = new HashMap<>();
    private long lastKeySampleMillis;
    /** Space-Saving over the sampled keys of the last 30 s, on the watcher's clock. */
    private final HeavyHitterDetector sampledKeys;
    private final Map<String, Integer> sampledPartition = new HashMap<>();
    private long processedTotal;
    private TopicSnapshot latest;

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
        this.sampledKeys = new HeavyHitterDetector(HeavyHitterConfig.defaults().withTopK(HOT_KEY_COUNTERS)
                .withTimeWindow(Duration.ofSeconds(30)).withMinEvents(1), clock);
        this.latest = TopicSnapshot.empty(topic, group, clock.getAsLong(), "not polled yet");
    }

    public String topic() {
        return topic;
    }

    public String group() {
        return group;
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
                p.hotKeys());
    }

    private TopicSnapshot pollOnce(long now) throws InterruptedException, ExecutionException, TimeoutException {
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

        Map<Integer, String> owners = new HashMap<>();
        Map<Integer, Long> committed = new HashMap<>();
        Map<Integer, String> committedBy = new HashMap<>();
        String groupState = null;
        Set<String> present = new HashSet<>();
        if (group != null) {
            ConsumerGroupDescription g = describeGroup(groupF);
            if (g != null) {
                groupState = g.groupState() == null ? null : g.groupState().name();
                for (MemberDescription m : g.members()) {
                    List<Integer> owned = m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(topic))
                            .map(TopicPartition::partition).sorted().toList();
                    Member member = members.computeIfAbsent(m.consumerId(), id -> new Member(id));
                    member.clientId = m.clientId();
                    // The coordinator reports the address as InetAddress.toString(): "/127.0.0.1".
                    member.host = m.host() != null && m.host().startsWith("/") ? m.host().substring(1) : m.host();
                    member.partitions = owned;
                    present.add(m.consumerId());
                    owned.forEach(p -> owners.put(p, m.consumerId()));
                }
            }
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committedOffsets(committedF).entrySet()) {
                if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                    committed.put(e.getKey().partition(), e.getValue().offset());
                    committedBy.put(e.getKey().partition(), e.getValue().metadata());
                }
            }
        }
        members.values().forEach(m -> m.inGroup = present.contains(m.memberId));

        long[] startOffsets = new long[partitionCount];
        long[] endOffsets = new long[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            startOffsets[p] = starts.containsKey(tp) ? starts.get(tp).offset() : 0L;
            endOffsets[p] = ends.containsKey(tp) ? ends.get(tp).offset() : 0L;
        }
        creditProcessed(partitionCount, startOffsets, committed, committedBy, owners);
        sampleKeys(now, partitionCount, startOffsets, endOffsets);

        Map<Integer, Long> endByPartition = new HashMap<>();
        for (int p = 0; p < partitionCount; p++) {
            endByPartition.put(p, endOffsets[p]);
        }
        Map<String, Long> processedByMember = new HashMap<>();
        members.values().forEach(m -> processedByMember.put(m.memberId, m.processed));
        Sample oldest = rememberSample(new Sample(now, endByPartition, processedByMember));
        double seconds = (now - oldest.atMillis) / 1000.0;

        List<PartitionStats> partitions = new ArrayList<>();
        long total = 0;
        long max = 0;
        int idle = 0;
        long lagSum = 0;
        List<Integer> noCommit = new ArrayList<>();
        Map<String, Long> lagByMember = new HashMap<>();
        long[] perPartition = new long[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            long records = Math.max(0, endOffsets[p] - startOffsets[p]);
            perPartition[p] = records;
            Long c = committed.get(p);
            // The same rule as `scan`: a partition the group never committed on counts its whole backlog.
            PartitionLag partitionLag = group == null ? null
                    : PartitionLag.of(p, startOffsets[p], Math.max(startOffsets[p], endOffsets[p]), c);
            Long lag = partitionLag == null ? null : partitionLag.lag();
            String owner = owners.get(p);
            if (partitionLag != null) {
                lagSum += lag;
                if (partitionLag.noCommit()) {
                    noCommit.add(p);
                }
                if (owner != null) {
                    lagByMember.merge(owner, lag, Long::sum);
                }
            }
            double rate = seconds <= 0 ? 0 : (endOffsets[p] - oldest.endOffsets.getOrDefault(p, endOffsets[p])) / seconds;
            total += records;
            max = Math.max(max, records);
            if (records == 0) {
                idle++;
            }
            partitions.add(new PartitionStats(p, startOffsets[p], endOffsets[p], records, Math.max(0, rate), c, lag,
                    partitionLag != null && partitionLag.noCommit(), owner, owner == null ? null : members.get(owner).clientId, records == 0, latestKeys.get(p)));
        }

        List<MemberStats> memberStats = new ArrayList<>();
        int active = 0;
        for (Member m : members.values()) {
            if (m.processed > 0) {
                active++;
            }
            // Work is measured while a member is in the group; one that left does nothing per second.
            double rate = seconds <= 0 || !m.inGroup ? 0
                    : (m.processed - oldest.processedByMember.getOrDefault(m.memberId, 0L)) / seconds;
            memberStats.add(new MemberStats(m.memberId, m.clientId, m.host, m.inGroup ? m.partitions : List.of(),
                    m.processed, Math.max(0, rate), m.inGroup ? lagByMember.get(m.memberId) : null, m.inGroup));
        }
        memberStats.sort(Comparator.comparing((MemberStats m) -> !m.inGroup())
                .thenComparing(MemberStats::clientId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MemberStats::memberId));
        // The project's one skew computation (metrics.Skew); null max/mean while the topic holds no record.
        dev.hotkeylab.metrics.Skew computed = dev.hotkeylab.metrics.Skew.of(perPartition);
        double mean = computed.mean();
        Skew skew = new Skew(partitionCount, total, mean, max, total == 0 ? null : computed.maxOverMean(), idle,
                present.size(),
                active, processedTotal, group == null ? null : lagSum, noCommit);
        return new TopicSnapshot(topic, group, now, null, groupState, partitions, memberStats, skew, hotKeys());
    }

    /**
     * Credits each partition's committed-offset growth since the last poll to the member owning it. A partition first
     * seen with a commit is a baseline (work done before watching is nobody's); one first seen without a commit
     * counts from the log start once the group commits there. When no owner was ever seen (a member that joined,
     * worked and left between two polls), the client id a {@link GroupConsumer} writes into the commit's metadata
     * names who did the work.
     */
    private void creditProcessed(int partitionCount, long[] startOffsets, Map<Integer, Long> committed,
                                 Map<Integer, String> committedBy, Map<Integer, String> owners) {
        for (int p = 0; p < partitionCount; p++) {
            Long now = committed.get(p);
            String owner = owners.containsKey(p) ? owners.get(p) : lastOwner.get(p);
            if (owners.containsKey(p)) {
                lastOwner.put(p, owners.get(p));
            }
            if (now == null) {
                seenUncommitted.add(p);
                continue;
            }
            Long before = lastCommitted.get(p);
            long delta;
            if (before != null) {
                delta = Math.max(0, now - before);
            } else if (seenUncommitted.contains(p)) {
                delta = Math.max(0, now - startOffsets[p]);
            } else {
                delta = 0;
            }
            lastCommitted.put(p, now);
            processedTotal += delta;
            if (delta > 0) {
                Member credited = owner != null ? members.get(owner) : memberByCommitMetadata(committedBy.get(p));
                if (credited != null) {
                    credited.processed += delta;
                }
            }
        }
    }

    private Member memberByCommitMetadata(String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return null;
        }
        for (Member m : members.values()) {
            if (clientId.equals(m.clientId)) {
                return m;
            }
        }
        Member seenOnlyInCommits = new Member("(committed by " + clientId + ")");
        seenOnlyInCommits.clientId = clientId;
        members.put(seenOnlyInCommits.memberId, seenOnlyInCommits);
        return seenOnlyInCommits;
    }

    /**
     * Reads back the newest records of partitions that grew, at most once a second: the newest record's key per
     * partition, and up to {@link #KEY_SAMPLE_RECORDS} records per partition not sampled before for the hot-key panel.
     */
    private void sampleKeys(long now, int partitionCount, long[] startOffsets, long[] endOffsets) {
        if (now - lastKeySampleMillis < KEY_SAMPLE_EVERY_MILLIS) {
            return;
        }
        List<TopicPartition> grown = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            if (endOffsets[p] > startOffsets[p] && !Long.valueOf(endOffsets[p]).equals(keySampledAtEnd.get(p))) {
                grown.add(new TopicPartition(topic, p));
            }
        }
        if (grown.isEmpty()) {
            return;
        }
        lastKeySampleMillis = now;
        if (keyReader == null) {
            keyReader = new KafkaConsumer<>(consumerConfig);
        }
        keyReader.assign(grown);
        Map<Integer, Long> from = new HashMap<>();
        for (TopicPartition tp : grown) {
            int p = tp.partition();
            long sampledTo = keySampledAtEnd.getOrDefault(p, startOffsets[p]);
            long at = Math.max(Math.max(startOffsets[p], sampledTo), endOffsets[p] - KEY_SAMPLE_RECORDS);
            from.put(p, at);
            keyReader.seek(tp, at);
        }
        for (ConsumerRecord<String, byte[]> r : keyReader.poll(Duration.ofMillis(300))) {
            int p = r.partition();
            if (r.offset() >= endOffsets[p]) {
                continue;
            }
            String key = r.key();
            sampledKeys.observe(key == null ? NULL_KEY : key);
            sampledPartition.put(key == null ? NULL_KEY : key, p);
            if (r.offset() == endOffsets[p] - 1) {
                keySampledAtEnd.put(p, endOffsets[p]);
                latestKeys.put(p, key == null || key.length() <= MAX_KEY_CHARS ? key : key.substring(0, MAX_KEY_CHARS) + "…");
            }
        }
        if (sampledPartition.size() > 4 * HOT_KEY_COUNTERS) {
            java.util.Set<String> tracked = new HashSet<>();
            sampledKeys.topK().forEach(h -> tracked.add(h.key()));
            sampledPartition.keySet().retainAll(tracked);
        }
    }

    /** The hottest sampled keys now. */
    private List<TopicSnapshot.HotKey> hotKeys() {
        List<TopicSnapshot.HotKey> out = new ArrayList<>();
        for (HeavyHitter h : sampledKeys.topK()) {
            if (out.size() == HOT_KEYS_SHOWN) {
                break;
            }
            String shown = h.key().length() <= MAX_KEY_CHARS ? h.key() : h.key().substring(0, MAX_KEY_CHARS) + "…";
            out.add(new TopicSnapshot.HotKey(shown, h.count(), h.share(), sampledPartition.getOrDefault(h.key(), -1)));
        }
        return out;
    }

    private Sample rememberSample(Sample sample) {
        window.addLast(sample);
        while (window.size() > 1 && window.peekFirst().atMillis < sample.atMillis - RATE_WINDOW_MILLIS) {
            window.removeFirst();
        }
        return window.peekFirst();
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
            keyReader.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
        }
        admin.close(Duration.ofSeconds(2));
    }

    private static final class Member {
        final String memberId;
        String clientId;
        String host;
        List<Integer> partitions = List.of();
        long processed;
        boolean inGroup;

        Member(String memberId) {
            this.memberId = memberId;
        }
    }

    private record Sample(long atMillis, Map<Integer, Long> endOffsets, Map<String, Long> processedByMember) {
    }
}
