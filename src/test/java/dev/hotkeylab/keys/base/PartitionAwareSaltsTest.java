package dev.hotkeylab.keys.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.keys.KafkaPartitioning;
import dev.hotkeylab.keys.KeyStrategy;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.StrategyContext;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broker-free: partition-aware salting must cover every partition for any key; random salting is measured beside it
 * and its numbers printed, not assumed.
 */
@org.junit.jupiter.api.DisplayName("Partition-aware salts cover every partition for any key; random salts measured beside")
class PartitionAwareSaltsTest {

    private static final int KEYS = 10_000;
    private static final int RECORDS_PER_KEY = 1_000;

    @Test
    void seedKeySaltsAreOnePerPartition() {
        PartitionAwareSalts salts = PartitionAwareSalts.compute("SUPER_STAR_CONCERT_2026", 3);
        for (int p = 0; p < 3; p++) {
            assertThat(KafkaPartitioning.partitionFor(salts.saltedKeyFor(p), 3)).isEqualTo(p);
            assertThat(salts.saltedKeyFor(p)).isEqualTo("SUPER_STAR_CONCERT_2026_" + salts.suffixFor(p));
        }
        // _0 and _2 both hash to partition 2, so the first suffix for partition 0 is past 2.
        assertThat(salts.suffixFor(0)).isGreaterThan(2);
    }

    @ParameterizedTest(name = "P = {0}: partition-aware salting covers all partitions for 10,000 random keys; random "
            + "salting measured beside it")
    @ValueSource(ints = {3, 6, 12, 48})
    void partitionAwareCoversEveryPartitionRandomSaltIsMeasured(int partitions) {
        Random keys = new Random(7);
        double worstAware = 0;
        int randomCovered = 0;
        double randomMaxOverMeanSum = 0;
        for (int k = 0; k < KEYS; k++) {
            String key = "concert-" + Long.toHexString(keys.nextLong());
            long[] aware = counts(Strategy.PARTITION_AWARE_SALT, key, partitions);
            long[] random = counts(Strategy.RANDOM_SALT, key, partitions);

            assertThat(aware).as("partition-aware counts for %s", key).doesNotContain(0L);
            double awareRatio = maxOverMean(aware);
            assertThat(awareRatio).as("max/mean for %s", key).isLessThanOrEqualTo(1.0 + (double) partitions / RECORDS_PER_KEY);
            worstAware = Math.max(worstAware, awareRatio);

            if (java.util.Arrays.stream(random).allMatch(c -> c > 0)) {
                randomCovered++;
            }
            randomMaxOverMeanSum += maxOverMean(random);
        }
        double coverage = (double) randomCovered / KEYS;
        System.out.printf("P=%2d  partition-aware: 100.00%% of keys cover all partitions, worst max/mean %.3f | "
                + "random salt (B=P): %6.2f%% cover all partitions, mean max/mean %.3f%n",
                partitions, worstAware, 100 * coverage, randomMaxOverMeanSum / KEYS);
        assertThat(coverage).as("random salting's coverage is measured to be below partition-aware's").isLessThan(1.0);
    }

    @Test
    void badInputNamesTheValue() {
        assertThatThrownBy(() -> PartitionAwareSalts.compute("", 3)).hasMessage("key must be a non-blank string but got \"\"");
        assertThatThrownBy(() -> PartitionAwareSalts.compute("k", 0)).hasMessage("partitions must be >= 1 but got 0");
        PartitionAwareSalts salts = PartitionAwareSalts.compute("k", 3);
        assertThatThrownBy(() -> salts.saltedKeyFor(3)).hasMessage("partition must be in [0, 2] but got 3");
    }

    /** Where 1000 records of {@code key} land under a strategy, each key's partition computed by Kafka's code. */
    static long[] counts(Strategy strategy, String key, int partitions) {
        KeyStrategy keys = strategy.create(StrategyContext.of(partitions, key.hashCode()));
        Map<String, Integer> memo = new HashMap<>();
        long[] counts = new long[partitions];
        for (int seq = 0; seq < RECORDS_PER_KEY; seq++) {
            String k = keys.keyFor(key, "user-" + (seq % 100), seq);
            counts[memo.computeIfAbsent(k, x -> KafkaPartitioning.partitionFor(x, partitions))]++;
        }
        return counts;
    }

    static double maxOverMean(long[] counts) {
        return dev.hotkeylab.metrics.Skew.of(counts).maxOverMean();
    }
}
