package dev.hotkeylab.scan;

import dev.hotkeylab.metrics.PartitionLag;
import dev.hotkeylab.metrics.Skew;
import java.util.List;

/**
 * What one scan read.
 *
 * @param config       what was asked
 * @param stopReason   why reading stopped: {@code end of topic}, {@code --records limit}, {@code --duration limit},
 *                     {@code interrupted (Ctrl-C)}
 * @param complete     true when every partition was read up to the last stable offset it had when the scan started
 * @param elapsedMillis time spent reading (after the Admin calls)
 * @param partitions   one per partition, by number
 * @param tally        the keys counted
 * @param skew         max/mean and idle partitions over the records read per partition ({@link Skew})
 * @param lags         the group's lag per partition ({@link PartitionLag}), or null without {@code --group}
 * @param clientFits   which client partitioners place the observed keys where they were found
 */
public record ScanResult(ScanConfig config, String stopReason, boolean complete, long elapsedMillis,
                         List<PartitionScan> partitions, KeyTally tally, Skew skew, List<PartitionLag> lags,
                         List<ClientFit> clientFits) {

    public ScanResult {
        partitions = List.copyOf(partitions);
        lags = lags == null ? null : List.copyOf(lags);
        clientFits = List.copyOf(clientFits);
    }

    public long recordsRead() {
        return partitions.stream().mapToLong(PartitionScan::records).sum();
    }

    public long bytesRead() {
        return partitions.stream().mapToLong(PartitionScan::bytes).sum();
    }

    /** Records read per second of reading. */
    public double readRate() {
        return elapsedMillis <= 0 ? 0 : recordsRead() * 1000.0 / elapsedMillis;
    }

    /** Milliseconds between the oldest and the newest record timestamp read, over all partitions (0 if < 2 records). */
    public long timeSpanMillis() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (PartitionScan p : partitions) {
            if (p.records() > 0) {
                first = Math.min(first, p.firstTimestamp());
                last = Math.max(last, p.lastTimestamp());
            }
        }
        return first == Long.MAX_VALUE ? 0 : Math.max(0, last - first);
    }

    /** The group's total lag (partitions without a commit included), or null without {@code --group}. */
    public Long totalLag() {
        return lags == null ? null : PartitionLag.total(lags);
    }

    /**
     * One partition as read.
     *
     * @param logStartOffset  earliest offset when the scan started
     * @param logEndOffset    log end offset when the scan started (markers of transactions included)
     * @param lastStableOffset last stable offset when the scan started: a read_committed consumer reads up to here
     * @param records         records read: what a read_committed consumer gets, so neither transaction markers nor
     *                        aborted records
     * @param bytes           their serialized key and value bytes
     * @param firstTimestamp  the oldest record timestamp read (ms), or 0 with no record
     * @param lastTimestamp   the newest record timestamp read (ms), or 0 with no record
     * @param reachedEnd      true when reading got to {@code lastStableOffset}
     */
    public record PartitionScan(int partition, long logStartOffset, long logEndOffset, long lastStableOffset,
                                long records, long bytes, long firstTimestamp, long lastTimestamp,
                                boolean reachedEnd) {

        /** Offsets in the log now (end - start): records plus markers plus aborted records. */
        public long offsets() {
            return logEndOffset - logStartOffset;
        }

        /** Records per second as produced: records over their timestamp span, or null with fewer than 2 ms of span. */
        public Double recordsPerSecond() {
            long span = lastTimestamp - firstTimestamp;
            return records < 2 || span <= 0 ? null : records * 1000.0 / span;
        }
    }

    /**
     * How well one client's partitioner explains where the keys were found.
     *
     * @param client   the client model's CLI name ({@code java}, {@code librdkafka}, ...)
     * @param rule     its rule
     * @param checked  keys (each on one partition) the client hashes
     * @param agree    of those, keys found on the partition the client picks
     */
    public record ClientFit(String client, String rule, long checked, long agree) {

        /** Every checked key agrees (and there was at least one). */
        public boolean fits() {
            return checked > 0 && agree == checked;
        }
    }
}
