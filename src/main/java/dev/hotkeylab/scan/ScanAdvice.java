package dev.hotkeylab.scan;

import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.whatif.ClientModel;
import dev.hotkeylab.whatif.KeyCounts;
import dev.hotkeylab.whatif.StrategyPrediction;
import dev.hotkeylab.whatif.WhatIfConfig;
import dev.hotkeylab.whatif.WhatIfResult;
import dev.hotkeylab.whatif.WhatIfSimulator;
import java.util.ArrayList;
import java.util.List;

/**
 * "What to do" for a scanned topic, computed by the what-if model ({@link WhatIfSimulator}) on the key counts the scan
 * observed: each strategy's predicted spread of the whole topic, and for each hot key where each strategy would put
 * its records. ADAPTIVE's verdict for a key depends on its share of the whole topic (the adaptive partitioner's
 * threshold), so it is taken from the observed share, not from the key alone.
 *
 * @param client  the client model the prediction uses (the one the observed placement fits, else Java)
 * @param topic   the simulator's result for the observed key counts
 * @param hotKeys one per hot key, hottest first
 */
public record ScanAdvice(ClientModel client, WhatIfResult topic, List<HotKeyAdvice> hotKeys) {

    /**
     * One hot key under each strategy.
     *
     * @param label      the key for people ({@link dev.hotkeylab.whatif.KeyBytes#label})
     * @param share      its share of all records read
     * @param partition  where it was found (or {@link KeyTally#SEVERAL_PARTITIONS})
     * @param strategies one per strategy: the partitions its records would reach and the largest share of them on one
     */
    public record HotKeyAdvice(String label, double share, int partition, List<KeyPlacement> strategies) {
    }

    /**
     * @param strategy   the strategy
     * @param partitions partitions the key's records reach
     * @param maxShare   the largest share of the key's records on one partition
     * @param note       a word on why (ADAPTIVE: over or under the threshold)
     */
    public record KeyPlacement(dev.hotkeylab.keys.StrategyType strategy, int partitions, double maxShare, String note) {
    }

    /**
     * @param keys     the topic's keys as counted (null and empty keys included)
     * @param hot      the hot keys: their bytes, counts and observed partitions
     * @param total    records read
     * @param partitionCount partitions of the topic
     * @param client   whose partitioner to model
     */
    public static ScanAdvice of(KeyCounts keys, List<KeyTally.Entry> hot, long total, int partitionCount,
                                ClientModel client) {
        WhatIfConfig config = WhatIfConfig.builder(partitionCount).client(client).build();
        WhatIfResult topic = new WhatIfSimulator(config).simulate(keys);
        List<HotKeyAdvice> advice = new ArrayList<>();
        for (KeyTally.Entry e : hot) {
            double share = (double) e.count() / total;
            WhatIfResult alone = new WhatIfSimulator(config)
                    .simulate(KeyCounts.ofBytes(List.of(e.key()), new long[] {e.count()}, "one key"));
            List<KeyPlacement> placements = new ArrayList<>();
            for (StrategyPrediction p : alone.predictions()) {
                if (p.strategy() == Strategy.ADAPTIVE) {
                    boolean spreads = share >= config.adaptiveThreshold();
                    StrategyPrediction fixed = alone.predictions().stream()
                            .filter(x -> x.strategy() == Strategy.FIXED_KEY).findFirst().orElse(p);
                    StrategyPrediction shown = spreads ? p : fixed;
                    placements.add(new KeyPlacement(p.strategy(), reached(shown.partitionLoad()),
                            shown.partitions().hottestShare(), String.format(java.util.Locale.ROOT,
                            spreads ? "share %.1f %% >= threshold %.0f %%: spread" : "share %.1f %% < threshold %.0f %%:"
                                    + " stays home", 100 * share, 100 * config.adaptiveThreshold())));
                } else {
                    placements.add(new KeyPlacement(p.strategy(), reached(p.partitionLoad()),
                            p.partitions().hottestShare(), ""));
                }
            }
            advice.add(new HotKeyAdvice(dev.hotkeylab.whatif.KeyBytes.label(e.key()), share, e.partition(),
                    placements));
        }
        return new ScanAdvice(client, topic, advice);
    }

    private static int reached(double[] load) {
        int n = 0;
        for (double l : load) {
            if (l > 0) {
                n++;
            }
        }
        return n;
    }
}
