package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.StrategyType;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate: a topic of {@code partitions} partitions read by {@code consumers} consumers, keys placed by
 * {@code client}'s partitioner under each of {@code strategies}, and optionally the same topic grown to
 * {@code growTo} partitions (0 = no growth). Validated on construction; build with {@link #builder(int)}.
 *
 * @param partitions  partition count P, >= 1
 * @param consumers   consumer count C in the group, >= 1 (default P: one partition each)
 * @param strategies  strategies to predict, at least one, no repeats; each by its {@link StrategyType#loadModel()}
 * @param saltBuckets B for RANDOM_SALT, >= 1 (default P, as in the seed)
 * @param client      whose partitioner places keys
 * @param growTo      P2 > P to predict a partition increase, or 0 for none
 * @param seed        seeds every random choice (salt draws for rare keys, coverage sample keys)
 * @param adaptiveThreshold ADAPTIVE: share of all records that makes a key hot, in (0, 1] (default: the adaptive
 *                    partitioner's own, {@code AdaptivePartitionerConfig.defaults()})
 */
public record WhatIfConfig(int partitions, int consumers, List<StrategyType> strategies, int saltBuckets,
                           ClientModel client, int growTo, long seed, double adaptiveThreshold) {

    /** The adaptive partitioner's default threshold: the share of traffic that makes a key hot. */
    public static final double DEFAULT_ADAPTIVE_THRESHOLD =
            AdaptivePartitionerConfig.defaults().detector().threshold();

    /** Upper bound on partitions and consumers: far beyond any real topic, low enough to keep arrays small. */
    public static final int MAX_PARTITIONS = 100_000;

    public WhatIfConfig {
        requireRange("partitions", partitions, 1, MAX_PARTITIONS);
        requireRange("consumers", consumers, 1, MAX_PARTITIONS);
        requireRange("salt buckets", saltBuckets, 1, MAX_PARTITIONS);
        Objects.requireNonNull(client, "client");
        if (!(adaptiveThreshold > 0 && adaptiveThreshold <= 1)) {
            throw new IllegalArgumentException("adaptive threshold must be a share in (0, 1] but got " + adaptiveThreshold);
        }
        if (strategies == null || strategies.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy is needed; allowed: " + Strategy.allowedNames());
        }
        if (strategies.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("strategies must not contain null; allowed: " + Strategy.allowedNames());
        }
        strategies = List.copyOf(new LinkedHashSet<>(strategies));
        if (growTo != 0 && (growTo <= partitions || growTo > MAX_PARTITIONS)) {
            throw new IllegalArgumentException("grow-to must be more than the " + partitions
                    + " partitions (Kafka can only add partitions) and <= " + MAX_PARTITIONS + " but got " + growTo);
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "] but got " + value);
        }
    }

    public boolean grows() {
        return growTo != 0;
    }

    public static Builder builder(int partitions) {
        return new Builder(partitions);
    }

    /** Defaults: C = P, all strategies, B = P, the Java client, no growth, seed 42. */
    public static final class Builder {
        private final int partitions;
        private Integer consumers;
        private List<StrategyType> strategies = List.of(Strategy.values());
        private Integer saltBuckets;
        private ClientModel client = ClientModel.JAVA;
        private int growTo;
        private long seed = 42;
        private double adaptiveThreshold = DEFAULT_ADAPTIVE_THRESHOLD;

        private Builder(int partitions) {
            this.partitions = partitions;
        }

        /** Consumers in the group; default: one per partition. */
        public Builder consumers(int consumers) {
            this.consumers = consumers;
            return this;
        }

        /** Strategies to predict, in output order; default: all. */
        public Builder strategies(List<? extends StrategyType> strategies) {
            this.strategies = strategies == null ? null : List.copyOf(strategies);
            return this;
        }

        /** B for RANDOM_SALT; default: the partition count. */
        public Builder saltBuckets(int saltBuckets) {
            this.saltBuckets = saltBuckets;
            return this;
        }

        /** Whose partitioner places the keys; default: the Java client. */
        public Builder client(ClientModel client) {
            this.client = client;
            return this;
        }

        /** Also predict the topic grown to this many partitions; 0 (default) for no growth. */
        public Builder growTo(int growTo) {
            this.growTo = growTo;
            return this;
        }

        /** Seed for every random choice; default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** ADAPTIVE's threshold, a share of all records in (0, 1]; default: the adaptive partitioner's own. */
        public Builder adaptiveThreshold(double adaptiveThreshold) {
            this.adaptiveThreshold = adaptiveThreshold;
            return this;
        }

        public WhatIfConfig build() {
            return new WhatIfConfig(partitions, consumers == null ? partitions : consumers, strategies,
                    saltBuckets == null ? partitions : saltBuckets, client, growTo, seed, adaptiveThreshold);
        }
    }
}
