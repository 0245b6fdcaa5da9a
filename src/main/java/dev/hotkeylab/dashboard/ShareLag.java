package dev.hotkeylab.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * What a share group (KIP-932) says about one topic, read with Admin's share-group APIs: its members and their
 * partitions ({@code describeShareGroups}), and per partition the share-partition start offset and the share lag
 * ({@code listShareGroupOffsets}; the lag is what the share coordinator counts as not yet delivered to completion:
 * available, acquired and not acknowledged, or released).
 *
 * <p>Admin does not say which member acquired which record. What a member acquired is credited from the group's
 * progress: each poll, a partition's completed records (log end - log start - share lag: accepted, rejected or
 * archived) grow by some amount, and that growth is split evenly among the members assigned the partition at the
 * time (when none holds it now, among those that held it last). With one member per partition (the share assignor's
 * spread while members ≤ partitions) that is exactly what the member acquired and acknowledged; with several on a
 * partition it is their even share.
 *
 * <p>{@link #read} does the I/O; {@link #update} is the calculation, testable without a broker. Not thread-safe: the
 * watcher's thread calls it.
 */
final class ShareLag {

    private final Admin admin;
    private final String topic;
    private final String group;
    private final Map<Integer, Long> lastCompleted = new HashMap<>();
    private final Map<String, Credit> credited = new LinkedHashMap<>();
    private final Map<Integer, List<String>> lastHolders = new HashMap<>();

    ShareLag(Admin admin, String topic, String group) {
        this.admin = admin;
        this.topic = topic;
        this.group = group;
    }

    /**
     * Asks the group coordinator about the share group; null when the group is not a share group (a consumer group,
     * or none of that name yet), so the watcher shows the consumer group's figures instead.
     *
     * @param logStart log start offset per partition
     * @param logEnd   log end offset per partition
     */
    TopicSnapshot.ShareGroupStats read(long[] logStart, long[] logEnd, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        ShareGroupDescription description;
        try {
            description = admin.describeShareGroups(List.of(group)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(group);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
        if (description == null || description.groupState() == GroupState.DEAD
                || description.groupState() == GroupState.UNKNOWN) {
            return null;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < logEnd.length; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        Map<TopicPartition, SharePartitionOffsetInfo> offsets = admin.listShareGroupOffsets(
                        Map.of(group, new ListShareGroupOffsetsSpec().topicPartitions(partitions)))
                .partitionsToOffsetInfo(group).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<Member> members = new ArrayList<>();
        for (ShareMemberDescription m : description.members()) {
            List<Integer> owned = m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic))
                    .map(TopicPartition::partition).sorted().toList();
            // The coordinator reports the address as InetAddress.toString(): "/127.0.0.1".
            String host = m.host() != null && m.host().startsWith("/") ? m.host().substring(1) : m.host();
            members.add(new Member(m.consumerId(), m.clientId(), host, owned));
        }
        Long[] startOffset = new Long[logEnd.length];
        Long[] lag = new Long[logEnd.length];
        for (int p = 0; p < logEnd.length; p++) {
            SharePartitionOffsetInfo info = offsets.get(new TopicPartition(topic, p));
            if (info != null) {
                startOffset[p] = info.startOffset();
                lag[p] = info.lag().orElse(null);
            }
        }
        return update(description.groupState().name(), members, logStart, logEnd, startOffset, lag);
    }

    /** A member as {@code describeShareGroups} names it, with its partitions of the watched topic. */
    record Member(String memberId, String clientId, String host, List<Integer> partitions) {
    }

    /**
     * Turns one reading into the page's figures and credits each partition's completed-record growth since the last
     * reading to its members. A partition first seen is a baseline: work done before watching is nobody's.
     *
     * @param startOffset the share-partition start offset per partition, null where the group has no state there yet
     * @param lag         the share lag per partition, null where the coordinator reports none
     */
    TopicSnapshot.ShareGroupStats update(String state, List<Member> members, long[] logStart, long[] logEnd,
            Long[] startOffset, Long[] lag) {
        Map<Integer, List<String>> membersOf = new HashMap<>();
        for (Member m : members) {
            Credit c = credited.computeIfAbsent(m.memberId(), id -> new Credit());
            c.clientId = m.clientId();
            c.host = m.host();
            c.partitions = m.partitions();
            m.partitions().forEach(p -> membersOf.computeIfAbsent(p, x -> new ArrayList<>()).add(m.memberId()));
        }
        List<String> present = members.stream().map(Member::memberId).toList();
        List<TopicSnapshot.SharePartitionStats> partitions = new ArrayList<>();
        long totalLag = 0;
        for (int p = 0; p < logEnd.length; p++) {
            // Without state (no member has fetched there yet) every record of the log is still to be delivered.
            long partitionLag = lag[p] != null ? lag[p] : Math.max(0, logEnd[p] - logStart[p]);
            long completed = Math.max(0, logEnd[p] - logStart[p] - partitionLag);
            // Completed records only grow, but one reading can dip (the log end offset and the coordinator's lag are
            // read at slightly different moments); crediting from the highest seen keeps a dip from counting twice.
            Long before = lastCompleted.get(p);
            lastCompleted.put(p, before == null ? completed : Math.max(before, completed));
            long delta = before == null ? 0 : Math.max(0, completed - before);
            List<String> holders = membersOf.getOrDefault(p, List.of());
            if (!holders.isEmpty()) {
                lastHolders.put(p, holders);
            }
            // Work finished just before its members left (between two readings) is theirs.
            List<String> credit = holders.isEmpty() ? lastHolders.getOrDefault(p, List.of()) : holders;
            if (delta > 0 && !credit.isEmpty()) {
                for (String id : credit) {
                    credited.get(id).acquired += (double) delta / credit.size();
                }
            }
            totalLag += partitionLag;
            partitions.add(new TopicSnapshot.SharePartitionStats(p, startOffset[p], partitionLag, completed,
                    holders.size()));
        }
        List<TopicSnapshot.ShareMemberStats> memberStats = new ArrayList<>();
        credited.forEach((id, c) -> memberStats.add(new TopicSnapshot.ShareMemberStats(id, c.clientId, c.host,
                present.contains(id) ? c.partitions : List.of(), Math.round(c.acquired), present.contains(id))));
        memberStats.sort(Comparator.comparing((TopicSnapshot.ShareMemberStats m) -> !m.inGroup())
                .thenComparing(TopicSnapshot.ShareMemberStats::clientId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TopicSnapshot.ShareMemberStats::memberId));
        return new TopicSnapshot.ShareGroupStats(state, memberStats, partitions, totalLag);
    }

    private static final class Credit {
        String clientId;
        String host;
        List<Integer> partitions = List.of();
        double acquired;
    }
}
