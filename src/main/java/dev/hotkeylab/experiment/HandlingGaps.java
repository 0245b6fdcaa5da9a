package dev.hotkeylab.experiment;

import java.util.Arrays;

/**
 * The run's longest stall: the longest time between two requests processed for the first time, one after the other,
 * by any consumer. Each first processing is marked at the instant its handler returned (not when its polled batch is
 * merged, which comes a whole batch of work later), in a bitmap of whole milliseconds since {@code originNanos}: the
 * answer has millisecond resolution, whatever order the consumers' batches are merged in, and costs one bit per
 * millisecond of the run (450 KB for an hour). The wait before the first processed request is not a gap between two of
 * them: it is the first request's latency, reported with the latencies. Not thread-safe: callers hold a lock.
 */
final class HandlingGaps {

    private final long originNanos;
    private long[] millis = new long[16];
    private long first = Long.MAX_VALUE;
    private long last = -1;

    /** @param originNanos a {@link System#nanoTime()} no later than any instant {@link #mark(long)} will be given */
    HandlingGaps(long originNanos) {
        this.originNanos = originNanos;
    }

    /** Marks a first processing at {@code nanos} ({@link System#nanoTime()}); before the origin counts as at it. */
    void mark(long nanos) {
        long ms = Math.max(0, nanos - originNanos) / 1_000_000;
        int word = Math.toIntExact(ms >>> 6);
        if (word >= millis.length) {
            millis = Arrays.copyOf(millis, Math.max(word + 1, millis.length * 2));
        }
        millis[word] |= 1L << (ms & 63);
        first = Math.min(first, ms);
        last = Math.max(last, ms);
    }

    /** The longest time between two successive marked milliseconds; 0 with fewer than two. */
    long longestMillis() {
        long longest = 0;
        long previous = -1;
        for (long ms = first; ms <= last; ms++) {
            long bits = millis[(int) (ms >>> 6)] >>> (ms & 63);
            if (bits == 0) {
                ms |= 63; // nothing more in this word
                continue;
            }
            ms += Long.numberOfTrailingZeros(bits);
            if (previous >= 0) {
                longest = Math.max(longest, ms - previous);
            }
            previous = ms;
        }
        return longest;
    }
}
