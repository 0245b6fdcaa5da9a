package dev.hotkeylab.experiment;

import java.util.List;
import java.util.Optional;

/**
 * What the scaling benchmark measured, self-describing because it can sit in a report next to runs made elsewhere:
 * the {@code bench} section of {@code results.json}.
 *
 * @param baseline       the strategy every speed-up is relative to (FIXED_KEY)
 * @param strategies     the salted strategies, in the order they were run after the baseline at each N
 * @param maxPollRecords the consumers' {@code max.poll.records}: a commit follows every batch of at most this many
 * @param warmupMillis   how long the discarded warm-up run took (0 when there was none)
 * @param totalMillis    the whole benchmark, warm-up included
 */
public record ScalingResult(String backend, String kafkaVersion, String generatedAt, String command, String key,
        long seed, int users, int messagesPerPartition, double serviceTimeMillis, int maxPollRecords, String baseline,
        List<String> strategies, List<Integer> ns, List<ScalingPoint> points, long warmupMillis, long totalMillis) {

    public ScalingResult {
        strategies = List.copyOf(strategies);
        ns = List.copyOf(ns);
        points = List.copyOf(points);
    }

    public Optional<ScalingPoint> point(int n, String strategy) {
        return points.stream().filter(p -> p.n() == n && p.strategy().equals(strategy)).findFirst();
    }

    /** Salted throughput over fixed throughput at N, if both were measured. */
    public Optional<Double> speedup(int n, String strategy) {
        return point(n, strategy).map(ScalingPoint::speedupVsFixed);
    }
}
