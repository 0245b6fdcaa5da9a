package dev.hotkeylab.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link TopicScanner} reads and when it stops. It stops at the first of: every partition read up to its last
 * stable offset as it was when the scan started ({@code from = EARLIEST} only), {@code maxRecords} records,
 * {@code maxDuration}, or {@link TopicScanner#stop()}.
 *
 * @param bootstrap   bootstrap servers, {@code HOST:PORT[,HOST:PORT...]}
 * @param topic       the topic to read
 * @param group       consumer group whose lag to compute, or null
 * @param from        where to start reading
 * @param maxRecords  records to read at most, >= 1 ({@link Long#MAX_VALUE}: no limit)
 * @param maxDuration reading time at most, positive
 * @param timeout     how long one Admin call or an offset lookup may take before the scan fails, positive
 * @param exactKeys   distinct keys counted exactly before Space-Saving takes over ({@link KeyTally})
 * @param counters    Space-Saving counters ({@link KeyTally})
 */
public record ScanConfig(String bootstrap, String topic, String group, From from, long maxRecords,
                         Duration maxDuration, Duration timeout, int exactKeys, int counters) {

    /** Where reading starts. */
    public enum From { EARLIEST, LATEST }

    /** Default reading time: long enough for millions of records, short enough that a huge topic ends in a minute. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ScanConfig {
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("--topic must name a topic but got '" + topic + "'");
        }
        if (group != null && group.isBlank()) {
            throw new IllegalArgumentException("--group must name a consumer group but got '" + group + "'");
        }
        Objects.requireNonNull(from, "from");
        if (maxRecords < 1) {
            throw new IllegalArgumentException("--records must be >= 1 but got " + maxRecords);
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive (e.g. 30s, 5m) but got " + maxDuration);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive but got " + timeout);
        }
    }

    /** Reads the whole topic from the earliest offset, for at most {@link #DEFAULT_DURATION}, with default tallies. */
    public static ScanConfig of(String bootstrap, String topic, String group) {
        return new ScanConfig(bootstrap, topic, group, From.EARLIEST, Long.MAX_VALUE, DEFAULT_DURATION,
                DEFAULT_TIMEOUT, KeyTally.DEFAULT_EXACT_KEYS, KeyTally.DEFAULT_COUNTERS);
    }

    public ScanConfig withLimits(long records, Duration duration) {
        return new ScanConfig(bootstrap, topic, group, from, records, duration, timeout, exactKeys, counters);
    }

    public ScanConfig withFrom(From f) {
        return new ScanConfig(bootstrap, topic, group, f, maxRecords, maxDuration, timeout, exactKeys, counters);
    }

    public ScanConfig withTally(int exact, int counterCount) {
        return new ScanConfig(bootstrap, topic, group, from, maxRecords, maxDuration, timeout, exact, counterCount);
    }

    public ScanConfig withTimeout(Duration t) {
        return new ScanConfig(bootstrap, topic, group, from, maxRecords, maxDuration, t, exactKeys, counters);
    }
}
