package dev.hotkeylab.whatif;

import java.util.ArrayList;
import java.util.List;

/**
 * The skew of one load vector (per partition or per consumer): the numbers a reader needs to see a hot spot. Loads are
 * records (fractional where a model spreads a key's records evenly over its salted keys).
 *
 * @param total        records in all
 * @param mean         total / slots
 * @param max          the largest load
 * @param hottest      index of the largest load (lowest index on ties)
 * @param hottestShare max / total
 * @param maxOverMean  max / mean: 1.0 is a perfect spread, {@code slots} means everything on one slot
 * @param idleCount    slots with no load at all
 * @param idle         their indexes, ascending
 */
public record LoadSummary(double total, double mean, double max, int hottest, double hottestShare, double maxOverMean,
                          int idleCount, List<Integer> idle) {

    public LoadSummary {
        idle = List.copyOf(idle);
    }

    public static LoadSummary of(double[] load) {
        if (load.length == 0) {
            throw new IllegalArgumentException("a load vector needs at least one slot but got 0");
        }
        double total = 0;
        double max = -1;
        int hottest = 0;
        List<Integer> idle = new ArrayList<>();
        for (int i = 0; i < load.length; i++) {
            total += load[i];
            if (load[i] > max) {
                max = load[i];
                hottest = i;
            }
            if (load[i] == 0) {
                idle.add(i);
            }
        }
        double mean = total / load.length;
        return new LoadSummary(total, mean, max, hottest, total == 0 ? 0 : max / total, mean == 0 ? 0 : max / mean,
                idle.size(), idle);
    }
}
