package dev.hotkeylab.dashboard;

import dev.hotkeylab.dashboard.TopicSnapshot.MemberStats;
import dev.hotkeylab.dashboard.TopicSnapshot.PartitionStats;
import dev.hotkeylab.dashboard.TopicSnapshot.Skew;
import dev.hotkeylab.metrics.PartitionLag;
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
import java.util.function.LongSupplier;

/**
 * The arithmetic behind a {@link TopicSnapshot}, apart from the Admin and consumer calls that feed it (those are
 * {@link TopicWatcher}'s): records, growth per second, committed offsets, lag, skew and idle partitions per
 * {@link Reading}; what each member processed (committed-offset deltas credited to the partition's owner at the time);
 * and, through a {@link KeySampler}, the newest key per partition and the hot keys among the records read back.
 *
 * <p>Remembers what it needs between readings (the last committed offsets, the members seen, the readings of the last
 * {@link #RATE_WINDOW_MILLIS} ms for rates, the sampled keys), so feed it every reading of one topic and group in time
 * order. The clock (epoch milliseconds) drives only the hot-key detector's window; every other time comes from
 * {@link Reading#atMillis()}. Not thread-safe.
 */
final class SnapshotCalculator {

    /** Figures per second are averaged over this window, long enough to smooth commit batches. */
    static final long RATE_WINDOW_MILLIS = 2_000;

    /**
     * One member of the group as the coordinator describes it.
     *
     * @param memberId   the member id the coordinator gave
     * @param clientId   its {@code client.id}
     * @param host       its address without the leading slash
     * @param partitions the partitions of the watched topic assigned to it, ascending
     */
    record GroupMember(String memberId, String clientId, String host, List<Integer> partitions) {
    }

    /**
     * What the broker said in one poll.
     *
     * @param atMillis     when the poll started (epoch milliseconds)
     * @param startOffsets log start offset per partition, indexed by partition
     * @param endOffsets   log end offset per partition, indexed by partition (same length)
     * @param groupState   the group's state name, or null (no group watched, or the group does not exist)
     * @param members      the group's members now (empty without a group)
     * @param committed    committed offset per partition that has one
     * @param committedBy  the commit's metadata per partition (a {@link GroupConsumer} writes its client id there)
     */
    record Reading(long atMillis, long[] startOffsets, long[] endOffsets, String groupState, List<GroupMember> members,
                   Map<Integer, Long> committed, Map<Integer, String> committedBy) {
        Reading {
            if (startOffsets.length != endOffsets.length) {
                throw new IllegalArgumentException("startOffsets and endOffsets must be as long but have "
                        + startOffsets.length + " and " + endOffsets.length + " entries");
            }
        }

        int partitionCount() {
            return endOffsets.length;
        }
    }

    /** One record read back for the hot-key panel: its partition, offset and key (null for none). */
    record SampledRecord(int partition, long offset, String key) {
    }

    private final String topic;
    private final String group;

    private final Map<Integer, Long> lastCommitted = new HashMap<>();
    private final Set<Integer> seenUncommitted = new HashSet<>();
    private final Map<Integer, String> lastOwner = new HashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Deque<Sample> window = new ArrayDeque<>();
    private final KeySampler keys;
    private long processedTotal;

    /**
     * @param topic the watched topic (named in the snapshots)
     * @param group the watched consumer group, or null: then lag and members stay null / empty
     * @param clock epoch milliseconds, for the hot-key detector's window
     */
    SnapshotCalculator(String topic, String group, LongSupplier clock) {
        this.topic = topic;
        this.group = group;
        this.keys = new KeySampler(clock);
    }

    /** See {@link KeySampler#startsAt}. */
    Map<Integer, Long> keySampleStarts(long now, long[] startOffsets, long[] endOffsets) {
        return keys.startsAt(now, startOffsets, endOffsets);
    }

    /** See {@link KeySampler#observe}. */
    void observeSampledKeys(List<SampledRecord> records, long[] endOffsets) {
        keys.observe(records, endOffsets);
    }

    /** Takes in one reading and returns the snapshot it makes, with rates over the readings of the last ~2 s. */
    TopicSnapshot snapshot(Reading reading) {
        long now = reading.atMillis();
        int partitionCount = reading.partitionCount();
        long[] startOffsets = reading.startOffsets();
        long[] endOffsets = reading.endOffsets();
        Map<Integer, String> owners = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (GroupMember m : reading.members()) {
            Member member = members.computeIfAbsent(m.memberId(), Member::new);
            member.clientId = m.clientId();
            member.host = m.host();
            member.partitions = m.partitions();
            present.add(m.memberId());
            m.partitions().forEach(p -> owners.put(p, m.memberId()));
        }
        members.values().forEach(m -> m.inGroup = present.contains(m.memberId));
        creditProcessed(reading, owners);

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
            Long c = reading.committed().get(p);
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
                    partitionLag != null && partitionLag.noCommit(), owner,
                    owner == null ? null : members.get(owner).clientId, records == 0, keys.latestKey(p)));
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
        Skew skew = new Skew(partitionCount, total, computed.mean(), max, total == 0 ? null : computed.maxOverMean(),
                idle, present.size(), active, processedTotal, group == null ? null : lagSum, noCommit);
        return new TopicSnapshot(topic, group, now, null, reading.groupState(), partitions, memberStats, skew,
                keys.hotKeys());
    }

    /**
     * Credits each partition's committed-offset growth since the last reading to the member owning it. A partition
     * first seen with a commit is a baseline (work done before watching is nobody's); one first seen without a commit
     * counts from the log start once the group commits there. When no owner was ever seen (a member that joined,
     * worked and left between two polls), the client id a {@link GroupConsumer} writes into the commit's metadata
     * names who did the work.
     */
    private void creditProcessed(Reading reading, Map<Integer, String> owners) {
        for (int p = 0; p < reading.partitionCount(); p++) {
            Long now = reading.committed().get(p);
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
                delta = Math.max(0, now - reading.startOffsets()[p]);
            } else {
                delta = 0;
            }
            lastCommitted.put(p, now);
            processedTotal += delta;
            if (delta > 0) {
                Member credited = owner != null ? members.get(owner)
                        : memberByCommitMetadata(reading.committedBy().get(p));
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

    private Sample rememberSample(Sample sample) {
        window.addLast(sample);
        while (window.size() > 1 && window.peekFirst().atMillis < sample.atMillis - RATE_WINDOW_MILLIS) {
            window.removeFirst();
        }
        return window.peekFirst();
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
