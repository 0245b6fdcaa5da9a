package dev.hotkeylab.dashboard;

import java.util.List;

/**
 * What the broker says about one topic (and optionally one consumer group) at one moment: the figures the dashboard
 * draws. Everything comes from the Admin API (plus the latest key per partition, read back from the log), so the
 * same snapshot works for a run of this process and for any group on any cluster.
 *
 * @param topic        the watched topic
 * @param group        the watched consumer group, or null when only the topic is watched
 * @param takenAtMillis wall-clock time of the poll
 * @param error        why this poll is incomplete (topic missing, broker unreachable), or null
 * @param groupState   the group's state as the coordinator reports it ({@code STABLE}, {@code EMPTY}, ...), or null
 * @param partitions   one entry per partition, by partition number
 * @param members      consumers seen in the group while watching (present ones first)
 * @param skew         the at-a-glance figures
 * @param hotKeys      the keys seen most in the records sampled live (the newest records of each partition that grew,
 *                     at most once a second), hottest first
 * @param share        when the watched group is a share group (KIP-932): its members, acquired records and share lag
 *                     ({@link ShareLag}); null for a consumer group or no group
 */
public record TopicSnapshot(
        String topic,
        String group,
        long takenAtMillis,
        String error,
        String groupState,
        List<PartitionStats> partitions,
        List<MemberStats> members,
        Skew skew,
        List<HotKey> hotKeys,
        ShareGroupStats share) {

    public TopicSnapshot {
        partitions = List.copyOf(partitions);
        members = List.copyOf(members);
        hotKeys = List.copyOf(hotKeys);
    }

    /**
     * A key sampled live.
     *
     * @param key       the key as text ({@code (null key)} for records without one)
     * @param sampled   records of this key among the sampled ones in the detector's window (Space-Saving estimate)
     * @param share     its share of the sampled records in the window
     * @param partition the partition it was last sampled on
     */
    public record HotKey(String key, long sampled, double share, int partition) {
    }

    /** A snapshot without share-group figures (a consumer group, or no group). */
    public TopicSnapshot(String topic, String group, long takenAtMillis, String error, String groupState,
                         List<PartitionStats> partitions, List<MemberStats> members, Skew skew, List<HotKey> hotKeys) {
        this(topic, group, takenAtMillis, error, groupState, partitions, members, skew, hotKeys, null);
    }

    /** This snapshot with the share group's figures (null: none). */
    TopicSnapshot withShare(ShareGroupStats shareStats) {
        return new TopicSnapshot(topic, group, takenAtMillis, error, groupState, partitions, members, skew, hotKeys,
                shareStats);
    }

    /** A snapshot with nothing known yet, e.g. before the topic exists. */
    static TopicSnapshot empty(String topic, String group, long now, String error) {
        return new TopicSnapshot(topic, group, now, error, null, List.of(), List.of(),
                new Skew(0, 0, 0, 0, null, 0, 0, 0, 0, null, List.of()), List.of(), null);
    }

    /**
     * One partition.
     *
     * @param startOffset      log start offset (earliest)
     * @param endOffset        log end offset (latest)
     * @param records          offsets in the log now: end - start. Counting the records themselves would mean reading
     *                         the log, so this counts transaction markers and aborted records too (the page labels it
     *                         "offsets"; {@code hotkey-lab scan} counts real records)
     * @param recordsPerSecond growth of the log end offset over the last ~2 s (offsets per second)
     * @param committedOffset  the group's committed offset, or null when the group has committed nothing here
     * @param lag              {@link dev.hotkeylab.metrics.PartitionLag}: end - committed, or with no commit the whole
     *                         backlog end - start; null when no group is watched
     * @param noCommit         true when a group is watched and has no committed offset on this partition
     * @param ownerMemberId    the group member the coordinator assigned this partition to, or null
     * @param ownerClientId    that member's client id, or null
     * @param idle             true when the partition holds no records: the skew the experiments are about
     * @param latestKey        the key of the newest record read back from the log (null key or not read yet: null)
     */
    public record PartitionStats(
            int partition,
            long startOffset,
            long endOffset,
            long records,
            double recordsPerSecond,
            Long committedOffset,
            Long lag,
            boolean noCommit,
            String ownerMemberId,
            String ownerClientId,
            boolean idle,
            String latestKey) {
    }

    /**
     * One consumer of the group.
     *
     * @param processed          records this member committed while the dashboard watched (committed-offset deltas on
     *                           the partitions it owned at the time)
     * @param processedPerSecond the same over the last ~2 s
     * @param lag                sum of the lag of the partitions it owns now, or null if none is known
     * @param inGroup            false once the member has left the group (kept so a finished run keeps its figures)
     */
    public record MemberStats(
            String memberId,
            String clientId,
            String host,
            List<Integer> partitions,
            long processed,
            double processedPerSecond,
            Long lag,
            boolean inGroup) {

        public MemberStats {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * Skew at a glance.
     *
     * @param maxOverMean     max records on one partition over the mean per partition (1.0 = even spread), null with
     *                        no records
     * @param idlePartitions  partitions holding no records
     * @param members         members in the group now
     * @param activeConsumers members (present or gone) that processed at least one record while watched
     * @param processed       records committed by the group while watched (including commits no member could be
     *                        credited with)
     * @param totalLag        sum of every partition's lag, the ones without a commit counting their whole backlog
     *                        ({@link dev.hotkeylab.metrics.PartitionLag}); null when no group is watched
     * @param noCommitPartitions partitions the group has no committed offset on
     */
    public record Skew(
            int partitions,
            long totalRecords,
            double meanRecords,
            long maxRecords,
            Double maxOverMean,
            int idlePartitions,
            int members,
            int activeConsumers,
            long processed,
            Long totalLag,
            List<Integer> noCommitPartitions) {

        public Skew {
            noCommitPartitions = List.copyOf(noCommitPartitions);
        }
    }

    /**
     * A share group's view of the topic, from Admin's share-group APIs.
     *
     * @param groupState the share group's state ({@code STABLE}, {@code EMPTY}, ...)
     * @param members    members seen while watching (present ones first)
     * @param partitions one entry per partition, by partition number
     * @param totalLag   the sum of every partition's share lag
     */
    public record ShareGroupStats(String groupState, List<ShareMemberStats> members,
                                  List<SharePartitionStats> partitions, long totalLag) {

        public ShareGroupStats {
            members = List.copyOf(members);
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * One member of a share group.
     *
     * @param partitions       partitions of the topic assigned to it now (several members may share one)
     * @param acquiredRecords  records it acquired and that were delivered to completion while watched: the completed
     *                         records of its partitions, split evenly among the members sharing a partition (Admin
     *                         does not say which member acquired which record)
     * @param inGroup          false once the member has left the group
     */
    public record ShareMemberStats(String memberId, String clientId, String host, List<Integer> partitions,
                                   long acquiredRecords, boolean inGroup) {

        public ShareMemberStats {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * One share partition.
     *
     * @param startOffset share-partition start offset: every record below it is delivered to completion, and records
     *                    past it may be complete too (Kafka's docs: "the earliest offset for in-flight records being
     *                    evaluated for delivery"); on Kafka 4.3.1 it trails the acknowledgements by one commit, so it
     *                    is not a progress figure: the lag is. Null while the group has no state on this partition
     * @param lag         share lag from {@code listShareGroupOffsets}: records not yet delivered to completion (the whole
     *                    log while the group has no state here)
     * @param completed   records accepted, rejected or archived: log end - log start - lag
     * @param members     members assigned this partition now
     */
    public record SharePartitionStats(int partition, Long startOffset, long lag, long completed, int members) {
    }
}
