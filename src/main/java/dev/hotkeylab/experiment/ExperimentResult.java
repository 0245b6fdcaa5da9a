package dev.hotkeylab.experiment;

import dev.hotkeylab.metrics.LatencyStats;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one run measured. Per-partition counts come three ways and must agree: from the producer's
 * {@code RecordMetadata}, from the broker's log end offsets (Admin API) and as predicted by Kafka's partitioner.
 * Serialized as one entry of {@code results.json}'s {@code experiments}; field names are part of that format.
 *
 * <p>{@code longestStallMillis} is the longest time in which no new request was processed (a broker failover shows up
 * here); {@code leaderRecordsByBroker} and {@code leaderBytesByBroker} say how much of the topic each broker leads at
 * the end of the run (the hot partition's leader takes all of a fixed key's load).
 *
 * <p>{@code perConcert} splits the counts and ordering by concert (one entry unless the workload has quiet concerts);
 * {@code adaptive} says what the adaptive partitioner did ({@link AdaptiveSummary#NONE} for other strategies);
 * {@code share} says which {@link GroupType} consumed and what a share group redelivered, released and archived
 * ({@link ShareSummary#CLASSIC} for a consumer group, and when an older {@code results.json} has no such field);
 * {@code brokerTraffic} says what each broker received and sent per second by its own metrics, and whether the run's
 * records were kept or deleted as consumed ({@link BrokerTraffic#NONE} when an older {@code results.json} has none).
 */
public record ExperimentResult(
        String strategy,
        String strategyDescription,
        String key,
        int partitions,
        int messages,
        int consumers,
        int saltBuckets,
        long seed,
        int users,
        double serviceTimeMillis,
        String topic,
        String group,
        List<Long> perPartition,
        List<Long> brokerPerPartition,
        List<Long> predictedPerPartition,
        long predictionMismatches,
        int distinctKeys,
        Map<String, Integer> keyPartitions,
        Map<String, ConsumerStats> perConsumer,
        int activeConsumers,
        List<Integer> idlePartitions,
        double maxOverMean,
        double coefficientOfVariation,
        long drainMillis,
        double throughputPerSecond,
        LatencyStats latency,
        long orderingViolationsPerConcert,
        long orderingViolationsPerUser,
        long processed,
        long redelivered,
        long settleMillis,
        long longestStallMillis,
        List<String> crashedConsumers,
        Map<Integer, Long> leaderRecordsByBroker,
        Map<Integer, Long> leaderBytesByBroker,
        Map<String, ConcertStats> perConcert,
        AdaptiveSummary adaptive,
        ShareSummary share,
        BrokerTraffic brokerTraffic) {

    /** Width of one bucket of the per-consumer timelines. */
    public static final long TIMELINE_BUCKET_MILLIS = 250;

    public ExperimentResult {
        perPartition = List.copyOf(perPartition);
        brokerPerPartition = List.copyOf(brokerPerPartition);
        predictedPerPartition = List.copyOf(predictedPerPartition);
        keyPartitions = Map.copyOf(keyPartitions);
        perConsumer = Map.copyOf(perConsumer);
        idlePartitions = List.copyOf(idlePartitions);
        crashedConsumers = List.copyOf(crashedConsumers);
        leaderRecordsByBroker = Map.copyOf(leaderRecordsByBroker);
        leaderBytesByBroker = Map.copyOf(leaderBytesByBroker);
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
        return consumers - activeConsumers;
    }

    /** Records on one partition, as the producer was told. */
    public long onPartition(int partition) {
        return perPartition.get(partition);
    }
}
