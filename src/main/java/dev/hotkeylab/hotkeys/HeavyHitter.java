package dev.hotkeylab.hotkeys;

/**
 * One tracked key of a {@link HeavyHitterDetector}, as of a snapshot. Space-Saving over-estimates: the key's true count
 * in the window is at least {@code count - error}; with no window expiry it is also at most {@code count}.
 *
 * @param key         the key
 * @param count       estimated records of this key in the window (an upper bound while nothing has expired)
 * @param error       the part of {@code count} inherited from the key this counter was taken from
 * @param windowTotal all records in the window
 * @param hot         whether the key is over the threshold now (judged on the guaranteed count)
 */
public record HeavyHitter(String key, long count, long error, long windowTotal, boolean hot) {

    /** Records of this key in the window that are certain: a lower bound of the true count. */
    public long guaranteedCount() {
        return count - error;
    }

    /** Estimated share of the window's traffic. */
    public double share() {
        return windowTotal == 0 ? 0 : (double) count / windowTotal;
    }

    /** Certain share of the window's traffic: a lower bound. */
    public double guaranteedShare() {
        return windowTotal == 0 ? 0 : (double) guaranteedCount() / windowTotal;
    }
}
