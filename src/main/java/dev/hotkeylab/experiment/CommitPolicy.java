package dev.hotkeylab.experiment;

import java.time.Duration;

/**
 * How a consumer-group member fetches and commits (at-least-once either way: only offsets of handled records are
 * committed, and the member commits synchronously when its partitions are revoked and when it closes).
 *
 * @param maxPollRecords   {@code max.poll.records} (client default 500)
 * @param everyRecords     commit once at least this many records were handled since the last commit (1: after every
 *                         batch)
 * @param everyMillis      or once this many milliseconds passed since the last commit (0: no time trigger)
 * @param sync             {@code commitSync} (waits for the coordinator) instead of {@code commitAsync}
 */
public record CommitPolicy(int maxPollRecords, int everyRecords, long everyMillis, boolean sync) {

    /**
     * Small batches: 50 records per poll, a synchronous commit after each batch. A crashed member redelivers at most a
     * batch and the live lag moves smoothly; it costs a round trip to the group coordinator every 50 records (21% of a
     * consumer thread's samples at service time 0 in a JFR recording of 10^6 requests).
     */
    public static final CommitPolicy SMALL_BATCHES = new CommitPolicy(50, 1, 0, true);

    /**
     * Throughput: the client's 500 records per poll, an asynchronous commit every 10,000 records or 200 ms, whichever
     * comes first. A crashed member redelivers up to that much.
     */
    public static final CommitPolicy THROUGHPUT = new CommitPolicy(500, 10_000, 200, false);

    /** The names {@link #parse(String, double)} takes. */
    public static final String MODES = "auto, small-batches, throughput";

    /**
     * A policy by name: {@code small-batches}, {@code throughput}, or {@code auto} (throughput at service time 0,
     * where the harness measures Kafka's own speed; small batches otherwise).
     *
     * @throws IllegalArgumentException for any other name (the message names the allowed ones)
     */
    public static CommitPolicy parse(String mode, double serviceTimeMillis) {
        return switch (mode == null ? "" : mode.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> serviceTimeMillis == 0 ? THROUGHPUT : SMALL_BATCHES;
            case "small-batches" -> SMALL_BATCHES;
            case "throughput" -> THROUGHPUT;
            default -> throw new IllegalArgumentException("commits must be one of " + MODES + " but got '" + mode
                    + "'");
        };
    }

    public CommitPolicy {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("max.poll.records must be >= 1 but got " + maxPollRecords);
        }
        if (everyRecords < 1) {
            throw new IllegalArgumentException("records per commit must be >= 1 but got " + everyRecords);
        }
        if (everyMillis < 0) {
            throw new IllegalArgumentException("milliseconds per commit must be >= 0 but got " + everyMillis);
        }
    }

    /** Whether {@code records} handled and {@code sinceNanos} elapsed since the last commit call for a commit now. */
    boolean due(long records, long sinceNanos) {
        return records >= everyRecords || (everyMillis > 0 && sinceNanos >= Duration.ofMillis(everyMillis).toNanos());
    }

    /** One line for logs and the report, e.g. "throughput (max.poll.records 500, commitAsync every 10000 records or 200 ms)". */
    public String describe() {
        String name = equals(SMALL_BATCHES) ? "small batches" : equals(THROUGHPUT) ? "throughput" : "custom";
        String when = everyRecords == 1 ? "after every batch" : "every " + everyRecords + " records"
                + (everyMillis > 0 ? " or " + everyMillis + " ms" : "");
        return name + " (max.poll.records " + maxPollRecords + ", " + (sync ? "commitSync " : "commitAsync ") + when
                + ")";
    }
}
