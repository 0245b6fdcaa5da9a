package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.StrategyType;

/**
 * Predicted load of one strategy: per partition, and per consumer after Kafka's RangeAssignor spreads the partitions
 * over the group (an idle consumer is one whose partitions get nothing, or that got no partition at all).
 *
 * @param strategy      the key strategy
 * @param model         how the numbers were computed (exact placement, expectation, or seeded draws)
 * @param partitionLoad records per partition
 * @param partitions    skew over partitions
 * @param consumerLoad  records per consumer ({@code consumer-0 .. consumer-(C-1)})
 * @param consumers     skew over consumers; {@code idle} lists the consumers that would sit idle
 */
public record StrategyPrediction(StrategyType strategy, String model, double[] partitionLoad, LoadSummary partitions,
                                 double[] consumerLoad, LoadSummary consumers) {
}
