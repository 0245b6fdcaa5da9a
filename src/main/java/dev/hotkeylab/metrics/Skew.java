package dev.hotkeylab.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How unevenly records fall on partitions: max/mean (1.0 is a perfect spread, P is everything on one of P partitions),
 * coefficient of variation (population standard deviation / mean) and the idle partitions.
 */
public record Skew(double maxOverMean, double coefficientOfVariation, List<Integer> idlePartitions) {

    public Skew {
        idlePartitions = List.copyOf(idlePartitions);
    }

    public static Skew of(long[] perPartition) {
        if (perPartition.length == 0) {
            throw new IllegalArgumentException("partitions must be >= 1 but got 0 counts");
        }
        long total = 0;
        long max = 0;
        List<Integer> idle = new ArrayList<>();
        for (int p = 0; p < perPartition.length; p++) {
            long c = perPartition[p];
            if (c < 0) {
                throw new IllegalArgumentException("count for partition " + p + " must be >= 0 but got " + c);
            }
            total += c;
            max = Math.max(max, c);
            if (c == 0) {
                idle.add(p);
            }
        }
        if (total == 0) {
            return new Skew(0, 0, idle);
        }
        double mean = (double) total / perPartition.length;
        double sq = 0;
        for (long c : perPartition) {
            sq += (c - mean) * (c - mean);
        }
        double cv = Math.sqrt(sq / perPartition.length) / mean;
        return new Skew(max / mean, cv, idle);
    }
}
