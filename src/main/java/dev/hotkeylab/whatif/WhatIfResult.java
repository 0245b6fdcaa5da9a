package dev.hotkeylab.whatif;

import java.util.List;

/**
 * Everything the simulator predicts for one key population and one {@link WhatIfConfig}.
 *
 * @param config          what was simulated
 * @param clientRule      the partitioning rule of {@code config.client()}, spelled out
 * @param keys            where the keys came from
 * @param distinctKeys    number of distinct keys
 * @param totalRecords    records in all
 * @param hottestKey      the key with the most records
 * @param hottestKeyCount its records
 * @param predictions     one per strategy, in config order
 * @param saltSpread      how far RANDOM_SALT's salted keys spread your keys (null when RANDOM_SALT is not simulated)
 * @param saltCheck       partition-aware salts of the hottest key (null when PARTITION_AWARE_SALT is not simulated)
 * @param growth          prediction for {@code config.growTo()} (null when the topic does not grow)
 * @param adaptiveWarning keys many times a partition's fair share yet under ADAPTIVE's threshold (null: none, or
 *                        ADAPTIVE not simulated)
 */
public record WhatIfResult(WhatIfConfig config, String clientRule, String keys, int distinctKeys, long totalRecords,
                           String hottestKey, long hottestKeyCount, List<StrategyPrediction> predictions,
                           SaltSpread saltSpread, SaltCheck saltCheck, GrowthPrediction growth,
                           AdaptiveWarning adaptiveWarning) {

    public WhatIfResult {
        predictions = List.copyOf(predictions);
    }
}
