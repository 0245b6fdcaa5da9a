package dev.hotkeylab.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How unevenly records fall on partitions (or consumers): the one skew computation of the project, used by the runs
 * ({@code ExperimentResult}), the what-if prediction ({@code whatif.LoadSummary}) and the claims, with one
 * {@link #UNEVEN_MAX_OVER_MEAN "uneven"} threshold. An all-zero vector has max/mean 0 (nothing to be uneven); an empty
 * one is an error.
 *
 * @param total                  records in all
 * @param mean                   total / slots
 * @param max                    the largest load
 * @param hottest                index of the largest load (the lowest index on ties)
 * @param maxOverMean            max / mean: 1.0 is a perfect spread, {@code slots} is everything on one slot; 0 when
 *                               total is 0
 * @param coefficientOfVariation population standard deviation / mean; 0 when total is 0
 * @param idlePartitions         the slots with no load, ascending
 */
public record Skew(double total, double mean, double max, int hottest, double maxOverMean,
        double coefficientOfVariation, List<Integer> idlePartitions) {

    /**
     * "Uneven": a fullest slot more than 20% above the mean (or an idle one, see {@link #uneven()}). The claims'
     * "evenly" is its complement; the dashboard should colour max/mean with it too (it used 1.5).
     */
    public static final double UNEVEN_MAX_OVER_MEAN = 1.2;

    public Skew {
        idlePartitions = List.copyOf(idlePartitions);
    }

    /** Whether the load is uneven: an idle slot, or max/mean above {@link #UNEVEN_MAX_OVER_MEAN}. */
    public boolean uneven() {
        return uneven(idlePartitions.size(), maxOverMean);
    }

    /** The "uneven" rule on figures already computed: any idle slot, or max/mean above the threshold. */
    public static boolean uneven(int idleSlots, double maxOverMean) {
        return idleSlots > 0 || maxOverMean > UNEVEN_MAX_OVER_MEAN + 1e-9;
    }

    /** Skew of records per partition; a negative count is an error naming the partition. */
    public static Skew of(long[] perPartition) {
        double[] load = new double[perPartition.length];
        for (int p = 0; p < perPartition.length; p++) {
            if (perPartition[p] < 0) {
                throw new IllegalArgumentException("count for partition " + p + " must be >= 0 but got "
                        + perPartition[p]);
            }
            load[p] = perPartition[p];
        }
        return of(load);
    }

    /** Skew of a load vector (fractional where a model spreads records evenly); at least one slot, none negative. */
    public static Skew of(double[] load) {
        if (load.length == 0) {
            throw new IllegalArgumentException("partitions must be >= 1 but got 0 counts");
        }
        double total = 0;
        double max = -1;
        int hottest = 0;
        List<Integer> idle = new ArrayList<>();
        for (int p = 0; p < load.length; p++) {
            double c = load[p];
            if (!(c >= 0)) {
                throw new IllegalArgumentException("load at " + p + " must be >= 0 but got " + c);
            }
            total += c;
            if (c > max) {
                max = c;
                hottest = p;
            }
            if (c == 0) {
                idle.add(p);
            }
        }
        double mean = total / load.length;
        if (total == 0) {
            return new Skew(0, 0, 0, hottest, 0, 0, idle);
        }
        double sq = 0;
        for (double c : load) {
            sq += (c - mean) * (c - mean);
        }
        double cv = Math.sqrt(sq / load.length) / mean;
        return new Skew(total, mean, max, hottest, max / mean, cv, idle);
    }
}
