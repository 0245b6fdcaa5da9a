package dev.hotkeylab.experiment;

import dev.hotkeylab.keys.Strategy;
import java.time.Duration;

/**
 * One run of the experiment, validated on construction so a bad value fails before any topic is created. The defaults
 * are the seed's: key {@code SUPER_STAR_CONCERT_2026}, 3 partitions, 1000 requests, 3 consumers.
 *
 * @param key               the concert id, the hot key
 * @param partitions        partitions of the run's fresh topic
 * @param messages          ticket requests to produce
 * @param consumers         consumers in the group, each on its own thread
 * @param strategy          how requests are keyed
 * @param saltBuckets       B for {@link Strategy#RANDOM_SALT} (the seed uses B = partitions)
 * @param seed              seeds every random choice (salts, users), so a run reproduces
 * @param users             distinct users the requests come from (per-user order needs several requests per user)
 * @param serviceTimeMillis what handling one request costs a consumer (an I/O-like wait standing for a DB call)
 * @param timeout           how long the group may take to process every request before the run fails
 * @param ratePerSecond     requests produced per second, 0 for as fast as the producer goes (a paced producer is
 *                          still sending when a fault test stops a broker)
 * @param quietConcerts     concerts besides {@code key} that requests are for (0: every request is for {@code key});
 *                          see {@link MixedWorkload}
 * @param zipfExponent      Zipf exponent over {@code key} (rank 1) and the quiet concerts
 */
public record ExperimentConfig(String key, int partitions, int messages, int consumers, Strategy strategy,
        int saltBuckets, long seed, int users, double serviceTimeMillis, Duration timeout, int ratePerSecond,
        int quietConcerts, double zipfExponent) {

    public static final String DEFAULT_KEY = "SUPER_STAR_CONCERT_2026";
    /**
     * KRaft's controller takes at most 10,000 records in one request (QuorumController's MAX_RECORDS_PER_USER_OP):
     * creating a topic writes one for the topic and one per partition, so 10,000 partitions fail with "Unable to
     * perform excessively large batch operation".
     */
    public static final int MAX_PARTITIONS = 9_999;
    public static final int MAX_KEY_LENGTH = 10_000;
    public static final int MAX_CONSUMERS = 256;
    public static final double MAX_SERVICE_TIME_MILLIS = 10_000;

    public ExperimentConfig {
        dev.hotkeylab.keys.Keys.requireValid(key);
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key must be at most " + MAX_KEY_LENGTH + " characters but got "
                    + key.length());
        }
        requireText(key);
        requireRange("partitions", partitions, 1, MAX_PARTITIONS);
        requireRange("messages", messages, 1, 100_000_000);
        requireRange("consumers", consumers, 1, MAX_CONSUMERS);
        if (strategy == null) {
            throw new IllegalArgumentException("strategy must be one of " + Strategy.allowedNames() + " but got null");
        }
        requireRange("salt buckets", saltBuckets, 1, 1_000_000);
        requireRange("users", users, 1, 100_000_000);
        if (!(serviceTimeMillis >= 0 && serviceTimeMillis <= MAX_SERVICE_TIME_MILLIS)) {
            throw new IllegalArgumentException("service time must be in [0, " + (long) MAX_SERVICE_TIME_MILLIS
                    + "] ms but got " + serviceTimeMillis);
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be > 0 but got " + timeout);
        }
        requireRange("rate", ratePerSecond, 0, 10_000_000);
        requireRange("quiet concerts", quietConcerts, 0, MixedWorkload.MAX_QUIET_CONCERTS);
        if (!(zipfExponent >= 0 && zipfExponent <= 100)) {
            throw new IllegalArgumentException("zipf exponent must be in [0, 100] but got " + zipfExponent);
        }
    }

    /** Which concert each request is for: {@code key} alone, or {@code key} among quiet concerts. */
    public MixedWorkload workload() {
        return new MixedWorkload(key, quietConcerts, zipfExponent, seed);
    }

    /**
     * A key is sent as UTF-8. Input that was not valid UTF-8 arrives as U+FFFD replacement characters (or lone
     * surrogates), which would silently become a different key: refused, naming where.
     */
    private static void requireText(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= key.length() || !Character.isLowSurrogate(key.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (c == '\uFFFD' || lone) {
                throw new IllegalArgumentException("key must be valid UTF-8 text but has an undecodable character at "
                        + "index " + i + "; pass the key in UTF-8");
            }
        }
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + (max == Long.MAX_VALUE ? ">= " + min
                    : "in [" + min + ", " + max + "]") + " but got " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder().key(key).partitions(partitions).messages(messages).consumers(consumers)
                .strategy(strategy).saltBuckets(saltBuckets).seed(seed).users(users)
                .serviceTimeMillis(serviceTimeMillis).timeout(timeout).ratePerSecond(ratePerSecond)
                .quietConcerts(quietConcerts).zipfExponent(zipfExponent);
    }

    /** The same run with another strategy. */
    public ExperimentConfig withStrategy(Strategy other) {
        return toBuilder().strategy(other).build();
    }

    /** Builder with the seed's defaults; salt buckets follow the partition count unless set. */
    public static final class Builder {
        private String key = DEFAULT_KEY;
        private int partitions = 3;
        private int messages = 1000;
        private int consumers = 3;
        private Strategy strategy = Strategy.FIXED_KEY;
        private Integer saltBuckets;
        private long seed = 42;
        private int users = 100;
        private double serviceTimeMillis = 5;
        private Duration timeout = Duration.ofSeconds(120);
        private int ratePerSecond;
        private int quietConcerts;
        private double zipfExponent = 1.0;

        public Builder key(String v) { key = v; return this; }
        public Builder partitions(int v) { partitions = v; return this; }
        public Builder messages(int v) { messages = v; return this; }
        public Builder consumers(int v) { consumers = v; return this; }
        public Builder strategy(Strategy v) { strategy = v; return this; }
        public Builder saltBuckets(Integer v) { saltBuckets = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder users(int v) { users = v; return this; }
        public Builder serviceTimeMillis(double v) { serviceTimeMillis = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder ratePerSecond(int v) { ratePerSecond = v; return this; }
        public Builder quietConcerts(int v) { quietConcerts = v; return this; }
        public Builder zipfExponent(double v) { zipfExponent = v; return this; }

        public ExperimentConfig build() {
            return new ExperimentConfig(key, partitions, messages, consumers, strategy,
                    saltBuckets == null ? Math.max(1, partitions) : saltBuckets, seed, users, serviceTimeMillis,
                    timeout, ratePerSecond, quietConcerts, zipfExponent);
        }
    }
}
