package dev.hotkeylab.parallel;

import dev.hotkeylab.metrics.LatencyStats;

/**
 * One Parallel Consumer run on the fixed-key topic, in the units of {@code ExperimentResult} so the two compare
 * side by side.
 *
 * @param mode                         the Parallel Consumer ordering (UNORDERED, KEY, PARTITION)
 * @param library                      parallel-consumer-core and kafka-clients versions
 * @param key                          the concert id every record is keyed by
 * @param partitions                   partitions of the topic (all records sit on one of them)
 * @param messages                     requests produced
 * @param concurrency                  {@code maxConcurrency}: handler threads in the one consumer
 * @param serviceTimeMillis            handler cost per request
 * @param seed                         seed of the user draws (same users as the salting runs)
 * @param users                        distinct users
 * @param topic                        the run's topic
 * @param drainMillis                  first send to last request processed
 * @param throughputPerSecond          messages / drain
 * @param maxInFlight                  most handlers that ran at the same moment
 * @param orderingViolationsPerConcert requests of the concert finished after a later one had finished
 * @param orderingViolationsPerUser    the same per user
 * @param processed                    handler calls (redeliveries included)
 * @param redelivered                  processed minus distinct requests
 * @param latency                      send to processed, per request
 */
public record ParallelConsumerResult(String mode, String library, String key, int partitions, int messages,
                                     int concurrency, double serviceTimeMillis, long seed, int users, String topic,
                                     long drainMillis, double throughputPerSecond, int maxInFlight,
                                     long orderingViolationsPerConcert, long orderingViolationsPerUser,
                                     long processed, long redelivered, LatencyStats latency) {
}
