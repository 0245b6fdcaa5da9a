package dev.hotkeylab.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.hotkeylab.metrics.LatencyStats;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one run measured, in named parts: the {@link Setup} it ran with, the {@link Distribution} of its records
 * over partitions, how evenly the work {@link Spread} over partitions and consumers, its {@link Timing} (drain time,
 * throughput, latency), its {@link Ordering}, its {@link Consumption} (processed, redelivered, stalls, crashes), the
 * {@link LeaderLoad} per broker, and per concert, adaptive and share figures. Per-partition counts come three ways and
 * must agree: from the producer's {@code RecordMetadata}, from the broker's log end offsets (Admin API) and as
 * predicted by Kafka's partitioner.
 *
 * <p>Serialized as one entry of {@code results.json}'s {@code experiments}, a documented format: the parts are
 * {@link JsonUnwrapped unwrapped}, so the entry stays one flat object whose field names (the parts' component names)
 * and order are those of earlier versions ({@code ResultsJsonFormatTest} reads and writes back a file of an earlier
 * version).
 *
 * <p>{@code perConcert} splits the counts and ordering by concert (one entry unless the workload has quiet concerts);
 * {@code adaptive} says what the adaptive partitioner did ({@link AdaptiveSummary#NONE} for other strategies);
 * {@code share} says which {@link GroupType} consumed and what a share group redelivered, released and archived
 * ({@link ShareSummary#CLASSIC} for a consumer group, and when an older {@code results.json} has no such field);
 * {@code brokerTraffic} says what each broker received and sent per second by its own metrics, and whether the run's
 * records were kept or deleted as consumed ({@link BrokerTraffic#NONE} when an older {@code results.json} has none).
 */
public record ExperimentResult(
        @JsonUnwrapped Setup setup,
        @JsonUnwrapped Distribution distribution,
        @JsonUnwrapped Spread spread,
        @JsonUnwrapped Timing timing,
        @JsonUnwrapped Ordering ordering,
        @JsonUnwrapped Consumption consumption,
        @JsonUnwrapped LeaderLoad leaderLoad,
        Map<String, ConcertStats> perConcert,
        AdaptiveSummary adaptive,
        ShareSummary share,
        BrokerTraffic brokerTraffic) {

    /** What the run was: its strategy (name and one line), hot key, sizes, seed, service time, topic and group. */
    public record Setup(String strategy, String strategyDescription, String key, int partitions, int messages,
            int consumers, int saltBuckets, long seed, int users, double serviceTimeMillis, String topic,
            String group) {
    }

    /**
     * Where the records went: records per partition as the producer was told, as the broker's log end offsets say and
     * as Kafka's partitioner predicted (with the records whose partition differed from the prediction), the number of
     * distinct keys and the partition of each key shown (at most 64).
     */
    public record Distribution(List<Long> perPartition, List<Long> brokerPerPartition,
            List<Long> predictedPerPartition, long predictionMismatches, int distinctKeys,
            Map<String, Integer> keyPartitions) {

        public Distribution {
            perPartition = List.copyOf(perPartition);
            brokerPerPartition = List.copyOf(brokerPerPartition);
            predictedPerPartition = List.copyOf(predictedPerPartition);
            keyPartitions = Map.copyOf(keyPartitions);
        }
    }

    /**
     * How evenly the work spread: each consumer's figures by client id, the consumers that processed something, the
     * partitions without a record, and the partitions' max/mean (1 = even) and coefficient of variation.
     */
    public record Spread(Map<String, ConsumerStats> perConsumer, int activeConsumers, List<Integer> idlePartitions,
            double maxOverMean, double coefficientOfVariation) {

        public Spread {
            perConsumer = Map.copyOf(perConsumer);
            idlePartitions = List.copyOf(idlePartitions);
        }
    }

    /** How fast: first send to last first processing (ms), records per second over that time, and the latency. */
    public record Timing(long drainMillis, double throughputPerSecond, LatencyStats latency) {
    }

    /** Records processed before an earlier record of the same concert, and of the same user. */
    public record Ordering(long orderingViolationsPerConcert, long orderingViolationsPerUser) {
    }

    /**
     * What the group did: records processed (redeliveries included), how many of them were redelivered, how long the
     * group took to settle its assignment (ms), the longest stall: the longest time between two requests processed
     * for the first time, one after the other, by any consumer (ms, at the instants their handlers returned; a broker
     * failover shows up here, the wait for the first request does not: that is its latency) and the members an
     * injected crash stopped.
     */
    public record Consumption(long processed, long redelivered, long settleMillis, long longestStallMillis,
            List<String> crashedConsumers) {

        public Consumption {
            crashedConsumers = List.copyOf(crashedConsumers);
        }
    }

    /**
     * How much of the topic each broker leads at the end of the run, in records and bytes (the hot partition's leader
     * takes all of a fixed key's load).
     */
    public record LeaderLoad(Map<Integer, Long> leaderRecordsByBroker, Map<Integer, Long> leaderBytesByBroker) {

        public LeaderLoad {
            leaderRecordsByBroker = Map.copyOf(leaderRecordsByBroker);
            leaderBytesByBroker = Map.copyOf(leaderBytesByBroker);
        }
    }

    /** Width of one bucket of the per-consumer timelines. */
    public static final long TIMELINE_BUCKET_MILLIS = 250;

    public ExperimentResult {
        perConcert = Collections.unmodifiableMap(new TreeMap<>(perConcert));
        share = share == null ? ShareSummary.CLASSIC : share;
        brokerTraffic = brokerTraffic == null ? BrokerTraffic.NONE : brokerTraffic;
    }

    /** {@code classic} or {@code share}: how the run consumed. */
    public String groupType() {
        return share.groupType();
    }

    /** Consumers that processed nothing. */
    public int idleConsumers() {
        return setup.consumers() - spread.activeConsumers();
    }

    /** Records on one partition, as the producer was told. */
    public long onPartition(int partition) {
        return distribution.perPartition().get(partition);
    }
}
