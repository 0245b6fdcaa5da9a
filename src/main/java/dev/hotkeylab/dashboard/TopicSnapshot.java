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
 */
public record TopicSnapshot(
        String topic,
        String group,
        long takenAtMillis,
        String error,
        String groupState,
        List<PartitionStats> partitions,
        List<MemberStats> members,
        Skew skew) {

    public TopicSnapshot {
        partitions = List.copyOf(partitions);
        members = List.copyOf(members);
    }

    /** A snapshot with nothing known yet, e.g. before the topic exists. */
    static TopicSnapshot empty(String topic, String group, long now, String error) {
        return new TopicSnapshot(topic, group, now, error, null, List.of(), List.of(),
                new Skew(0, 0, 0, 0, null, 0, 0, 0, 0, null));
    }

    /**
     * One partition.
     *
     * @param startOffset      log start offset (earliest)
     * @param endOffset        log end offset (latest)
     * @param records          records in the log now: end - start
     * @param recordsPerSecond growth of the log end offset over the last ~2 s
     * @param committedOffset  the group's committed offset, or null when the group has committed nothing here
     * @param lag              end - committed (as kafka-consumer-groups.sh, Kafka UI and Burrow compute it), or null
     *                         without a committed offset
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
     * @param totalLag        sum of the known partition lags, or null if none is known
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
            Long totalLag) {
    }
}
