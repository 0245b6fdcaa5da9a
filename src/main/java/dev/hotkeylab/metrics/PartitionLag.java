package dev.hotkeylab.metrics;

import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A consumer group's lag on one partition, the way {@code scan} and the dashboard both compute it. Kafka's own tools
 * ({@code kafka-consumer-groups.sh}) show no lag at all for a partition the group never committed on, which hides
 * exactly the hot partition nobody got to; here such a partition counts its whole backlog and says so.
 *
 * <ul>
 *   <li>With a committed offset: lag = log end offset - committed offset (at least 0).</li>
 *   <li>Without one ({@code noCommit}): lag = log end offset - log start offset, the whole backlog a new member
 *       starting from the earliest offset would have to read.</li>
 *   <li>Where the records themselves were counted ({@code recordsFrom} given), the lag is the number of records at or
 *       after that offset instead: transaction markers and aborted records take offsets but are not records, so an
 *       offset difference overstates the backlog of a transactional topic ({@code counted} true; unit: records).</li>
 * </ul>
 *
 * @param partition       partition number
 * @param logStartOffset  earliest offset still in the log
 * @param logEndOffset    offset the next record will get (log end offset)
 * @param committedOffset the group's committed offset, or null when it committed nothing on this partition
 * @param lag             records (counted) or offsets (not counted) the group has still to read, >= 0
 * @param noCommit        true when the group has no committed offset here: {@code lag} is the whole backlog
 * @param counted         true when {@code lag} counts records, false when it is an offset difference
 */
public record PartitionLag(int partition, long logStartOffset, long logEndOffset, Long committedOffset, long lag,
                           boolean noCommit, boolean counted) {

    /** Lag from offsets only (markers and aborted records count as if they were records). */
    public static PartitionLag of(int partition, long logStartOffset, long logEndOffset, Long committedOffset) {
        return of(partition, logStartOffset, logEndOffset, committedOffset, null);
    }

    /**
     * @param recordsFrom given an offset, the number of records at or after it up to the log end offset; null when
     *                    the records were not counted
     */
    public static PartitionLag of(int partition, long logStartOffset, long logEndOffset, Long committedOffset,
                                  LongUnaryOperator recordsFrom) {
        if (logEndOffset < logStartOffset) {
            throw new IllegalArgumentException("log end offset " + logEndOffset + " of partition " + partition
                    + " must be >= log start offset " + logStartOffset);
        }
        boolean noCommit = committedOffset == null;
        long from = noCommit ? logStartOffset : Math.max(logStartOffset, committedOffset);
        long lag = recordsFrom != null ? Math.max(0, recordsFrom.applyAsLong(from)) : Math.max(0, logEndOffset - from);
        return new PartitionLag(partition, logStartOffset, logEndOffset, committedOffset, lag, noCommit,
                recordsFrom != null);
    }

    /** The group's total lag: every partition, the ones without a commit included. */
    public static long total(List<PartitionLag> lags) {
        return lags.stream().mapToLong(PartitionLag::lag).sum();
    }

    /** Partitions the group committed nothing on. */
    public static List<Integer> noCommitPartitions(List<PartitionLag> lags) {
        return lags.stream().filter(PartitionLag::noCommit).map(PartitionLag::partition).toList();
    }
}
