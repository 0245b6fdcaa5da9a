package dev.hotkeylab.experiment;

import java.util.List;

/**
 * One cell of the scaling benchmark: one strategy with N consumers on N partitions. Serialized in
 * {@code results.json}'s {@code bench.points}; field names are part of that format.
 *
 * @param speedupVsFixed     throughput divided by the FIXED_KEY run's at the same N (1.0 for FIXED_KEY itself)
 * @param systemLoadAverage the machine's 1-minute load average when the run ended (-1 where unknown): on a shared
 *                          machine a busy minute slows the service time's sleeps and explains an outlier
 */
public record ScalingPoint(int n, String strategy, int messages, long drainMillis, double throughputPerSecond,
        double speedupVsFixed, int activeConsumers, List<Long> perPartition, double maxOverMean, double latencyP99Ms,
        long orderingViolationsPerConcert, long settleMillis, double systemLoadAverage) {

    public ScalingPoint {
        perPartition = List.copyOf(perPartition);
    }

    static ScalingPoint of(int n, ExperimentResult r, double fixedThroughput) {
        return new ScalingPoint(n, r.setup().strategy(), r.setup().messages(), r.timing().drainMillis(), r.timing().throughputPerSecond(),
                fixedThroughput > 0 ? r.timing().throughputPerSecond() / fixedThroughput : 0, r.spread().activeConsumers(),
                r.distribution().perPartition(), r.spread().maxOverMean(), r.timing().latency().p99Ms(), r.ordering().orderingViolationsPerConcert(),
                r.consumption().settleMillis(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }
}
