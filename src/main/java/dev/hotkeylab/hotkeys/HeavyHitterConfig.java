package dev.hotkeylab.hotkeys;

import java.time.Duration;

/**
 * How a {@link HeavyHitterDetector} decides that a key is hot: it tracks at most {@code topK} keys over a sliding
 * window (of time or of records) cut into {@code panes}, and calls a key hot when its guaranteed count in the window is
 * at least {@code threshold} of all records in the window, once the window holds {@code minEvents} records.
 *
 * @param topK       counters kept (Space-Saving's K); memory is O(topK x panes) whatever the number of distinct keys.
 *                   Must be at least 1/threshold, since that many keys can be over the threshold at once
 * @param threshold  share of the window's traffic that makes a key hot, in (0, 1], e.g. 0.2
 * @param windowUnit whether {@code window} counts milliseconds (of the injected clock) or records
 * @param window     how far back the detector looks; a key quiet for this long has no count left at all
 * @param panes      the window slides one pane (window / panes) at a time; more panes = smoother, more memory
 * @param minEvents  records the window must hold before any key is hot, so the first record is not "100% of traffic"
 */
public record HeavyHitterConfig(int topK, double threshold, WindowUnit windowUnit, long window, int panes,
        long minEvents) {

    /** What {@link HeavyHitterConfig#window()} counts. */
    public enum WindowUnit { MILLISECONDS, RECORDS }

    public static final int MAX_TOP_K = 1_000_000;
    public static final int MAX_PANES = 1_000;

    public HeavyHitterConfig {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1] but got " + threshold);
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("top-k must be in [1, " + MAX_TOP_K + "] but got " + topK);
        }
        long needed = (long) Math.ceil(1 / threshold - 1e-9);
        if (topK < needed) {
            throw new IllegalArgumentException("top-k must be >= 1/threshold = " + needed
                    + " (that many keys can be over a threshold of " + threshold + ") but got " + topK);
        }
        if (windowUnit == null) {
            throw new IllegalArgumentException("window unit must be MILLISECONDS or RECORDS but got null");
        }
        if (panes < 1 || panes > MAX_PANES) {
            throw new IllegalArgumentException("panes must be in [1, " + MAX_PANES + "] but got " + panes);
        }
        if (window < panes) {
            throw new IllegalArgumentException("window must be >= panes (" + panes + ") " + unitName(windowUnit)
                    + " but got " + window);
        }
        if (minEvents < 1) {
            throw new IllegalArgumentException("min events must be >= 1 but got " + minEvents);
        }
    }

    /** K = 32, threshold 0.2, a 10 s window in 10 panes, at least 100 records in the window. */
    public static HeavyHitterConfig defaults() {
        return new HeavyHitterConfig(32, 0.2, WindowUnit.MILLISECONDS, 10_000, 10, 100);
    }

    public HeavyHitterConfig withTopK(int k) {
        return new HeavyHitterConfig(k, threshold, windowUnit, window, panes, minEvents);
    }

    public HeavyHitterConfig withThreshold(double t) {
        return new HeavyHitterConfig(topK, t, windowUnit, window, panes, minEvents);
    }

    public HeavyHitterConfig withTimeWindow(Duration d) {
        if (d == null) {
            throw new IllegalArgumentException("window must be a duration but got null");
        }
        return new HeavyHitterConfig(topK, threshold, WindowUnit.MILLISECONDS, d.toMillis(), panes, minEvents);
    }

    public HeavyHitterConfig withRecordWindow(long records) {
        return new HeavyHitterConfig(topK, threshold, WindowUnit.RECORDS, records, panes, minEvents);
    }

    public HeavyHitterConfig withPanes(int p) {
        return new HeavyHitterConfig(topK, threshold, windowUnit, window, p, minEvents);
    }

    public HeavyHitterConfig withMinEvents(long m) {
        return new HeavyHitterConfig(topK, threshold, windowUnit, window, panes, m);
    }

    /** The length of one pane: window / panes, rounded down, so a key quiet for {@code window} is fully expired. */
    public long paneLength() {
        return window / panes;
    }

    private static String unitName(WindowUnit unit) {
        return unit == WindowUnit.RECORDS ? "records" : "ms";
    }

    @Override
    public String toString() {
        return "top-k " + topK + ", threshold " + threshold + ", window " + window + " " + unitName(windowUnit) + " in "
                + panes + " panes, min events " + minEvents;
    }
}
