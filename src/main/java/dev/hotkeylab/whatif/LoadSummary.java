package dev.hotkeylab.whatif;

import dev.hotkeylab.metrics.Skew;
import java.util.List;

/**
 * The skew of one load vector (per partition or per consumer): the numbers a reader needs to see a hot spot, computed
 * by {@link Skew} (the project's one skew computation). Loads are records (fractional where a model spreads a key's
 * records evenly over its salted keys).
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
        Skew s = Skew.of(load);
        return new LoadSummary(s.total(), s.mean(), s.max(), s.hottest(), s.total() == 0 ? 0 : s.max() / s.total(),
                s.maxOverMean(), s.idlePartitions().size(), s.idlePartitions());
    }

    /** Whether this load is uneven by the project's one threshold ({@link Skew#UNEVEN_MAX_OVER_MEAN}). */
    public boolean uneven() {
        return Skew.uneven(idleCount, maxOverMean);
    }
}
