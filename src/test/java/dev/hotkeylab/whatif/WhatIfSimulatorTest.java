package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hotkeylab.keys.KafkaPartitioning;
import dev.hotkeylab.keys.Strategy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("What-if simulator: where keys would land, without a broker")
class WhatIfSimulatorTest {

    private static final String SEED_KEY = "SUPER_STAR_CONCERT_2026";

    private static StrategyPrediction predict(WhatIfResult result, Strategy strategy) {
        return predict(result.predictions(), strategy);
    }

    private static StrategyPrediction predict(List<StrategyPrediction> predictions, Strategy strategy) {
        return predictions.stream().filter(p -> p.strategy() == strategy).findFirst().orElseThrow();
    }

    private static WhatIfResult seedKey(long count, ClientModel client) {
        WhatIfConfig config = WhatIfConfig.builder(3).client(client).build();
        return new WhatIfSimulator(config).simulate(KeyCounts.of(Map.of(SEED_KEY, count)));
    }

    @Test
    @DisplayName("FIXED_KEY: the seed's concert is predicted on partition 2 of 3, consumers 0 and 1 idle")
    void fixedKeyPutsTheSeedConcertOnPartition2Of3AndIdlesTwoConsumers() {
        WhatIfResult result = seedKey(1000, ClientModel.JAVA);
        StrategyPrediction fixed = predict(result, Strategy.FIXED_KEY);
        assertThat(fixed.partitionLoad()).containsExactly(0, 0, 1000);
        assertThat(fixed.partitions().hottest()).isEqualTo(2);
        assertThat(fixed.partitions().maxOverMean()).isCloseTo(3.0, within(1e-9));
        assertThat(fixed.partitions().idle()).containsExactly(0, 1);
        assertThat(fixed.consumers().idle()).containsExactly(0, 1);
        assertThat(result.hottestKey()).isEqualTo(SEED_KEY);
        assertThat(result.clientRule()).contains("BuiltInPartitioner");
    }

    @Test
    @DisplayName("RANDOM_SALT under the Java client: _0/_1/_2 on 2, 1, 2, partition 0 idle")
    void seedsRandomSaltUnderJavaLeavesPartition0IdleBecauseSalts012LandOn212() {
        StrategyPrediction salted = predict(seedKey(999, ClientModel.JAVA), Strategy.RANDOM_SALT);
        // Expected count/B = 333 per salted key: _1 -> p1, _0 and _2 -> p2.
        assertThat(salted.partitionLoad()).containsExactly(new double[] {0, 333, 666}, within(1e-9));
        assertThat(salted.partitions().idle()).containsExactly(0);
        assertThat(salted.consumers().idle()).containsExactly(0);
        assertThat(salted.partitions().maxOverMean()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void saltSpreadSaysTheSeedKeysSaltsReachTwoOfThreePartitionsUnderJavaAndAllThreeUnderKafkaJsLegacy() {
        SaltSpread java = seedKey(999, ClientModel.JAVA).saltSpread();
        assertThat(java.keysChecked()).isEqualTo(1);
        assertThat(java.keysReachingAll()).isZero();
        assertThat(java.meanPartitionsReached()).isEqualTo(2.0);
        SaltSpread legacy = seedKey(999, ClientModel.KAFKAJS_LEGACY).saltSpread();
        assertThat(legacy.keysReachingAll()).isEqualTo(1);
        assertThat(legacy.recordShareReachingAll()).isEqualTo(1.0);
    }

    @Test
    void saltSpreadOverManyKeysMatchesTheCouponCollector() {
        // 3,000 keys of 100 records, B = P = 3: about 3!/3^3 = 22 % should reach all three partitions.
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 3_000; i++) {
            counts.put("user-" + i, 100L);
        }
        SaltSpread spread = new WhatIfSimulator(WhatIfConfig.builder(3).build()).simulate(KeyCounts.of(counts))
                .saltSpread();
        assertThat(spread.keysChecked()).isEqualTo(3_000);
        assertThat((double) spread.keysReachingAll() / spread.keysChecked()).isCloseTo(6.0 / 27, within(0.03));
        assertThat(spread.recordShareChecked()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("RANDOM_SALT under KafkaJS's legacy partitioner spreads evenly, as the seed claimed")
    void sameRandomSaltUnderKafkaJsLegacySpreadsEvenlyAsTheSeedClaimed() {
        StrategyPrediction salted = predict(seedKey(999, ClientModel.KAFKAJS_LEGACY), Strategy.RANDOM_SALT);
        assertThat(salted.partitionLoad()).containsExactly(new double[] {333, 333, 333}, within(1e-9));
        assertThat(salted.partitions().idleCount()).isZero();
    }

    @Test
    void partitionAwareSaltIsExactRoundRobinAndItsSaltsOnlySpreadUnderTheirOwnClient() {
        WhatIfResult result = seedKey(1000, ClientModel.JAVA);
        StrategyPrediction aware = predict(result, Strategy.PARTITION_AWARE_SALT);
        assertThat(aware.partitionLoad()).containsExactly(334, 333, 333);
        assertThat(aware.consumers().idleCount()).isZero();
        SaltCheck check = result.saltCheck();
        assertThat(check.key()).isEqualTo(SEED_KEY);
        assertThat(check.saltedKeys()).hasSize(3);
        for (int p = 0; p < 3; p++) {
            assertThat(KafkaPartitioning.partitionFor(check.saltedKeys().get(p), 3)).isEqualTo(p);
        }
        assertThat(check.partitionsCoveredByClient()).containsEntry("java", 3);
        assertThat(check.partitionsCoveredByClient().get("kafkajs-legacy")).isBetween(1, 3);
    }

    @Test
    void entitySaltIsTheEvenExpectation() {
        StrategyPrediction entity = predict(seedKey(999, ClientModel.LIBRDKAFKA), Strategy.ENTITY_SALT);
        assertThat(entity.partitionLoad()).containsExactly(new double[] {333, 333, 333}, within(1e-9));
        assertThat(entity.model()).contains("assuming many users");
    }

    @Test
    void rareKeysDrawSaltsWithTheSeedAndKeepTheirRecordCount() {
        // Two records and 1000 salt buckets: each record draws one salt; same seed, same draws.
        WhatIfConfig config = WhatIfConfig.builder(1000).strategies(List.of(Strategy.RANDOM_SALT)).seed(5).build();
        KeyCounts keys = KeyCounts.of(Map.of("rare-key", 2L));
        double[] first = new WhatIfSimulator(config).simulate(keys).predictions().get(0).partitionLoad();
        double[] again = new WhatIfSimulator(config).simulate(keys).predictions().get(0).partitionLoad();
        assertThat(first).containsExactly(again);
        assertThat(java.util.Arrays.stream(first).sum()).isEqualTo(2.0);
        assertThat(java.util.Arrays.stream(first).filter(l -> l > 0).count()).isBetween(1L, 2L);
    }

    @Test
    void fixedKeyLoadsMatchAPlainLoopOverKafkasPartitioner() {
        KeyCounts keys = KeyCounts.zipf(new ZipfSpec(1.1, 20_000, 500_000));
        int partitions = 37;
        double[] expected = new double[partitions];
        for (int i = 0; i < keys.size(); i++) {
            expected[KafkaPartitioning.partitionFor(keys.key(i), partitions)] += keys.count(i);
        }
        WhatIfResult result = new WhatIfSimulator(WhatIfConfig.builder(partitions).consumers(5).build()).simulate(keys);
        assertThat(predict(result, Strategy.FIXED_KEY).partitionLoad()).containsExactly(expected);
        // 37 partitions over 5 consumers: RangeAssignor gives 8,8,7,7,7; consumer loads add up to partition loads.
        StrategyPrediction fixed = predict(result, Strategy.FIXED_KEY);
        assertThat(fixed.consumerLoad()).hasSize(5);
        double firstConsumer = 0;
        for (int p = 0; p < 8; p++) {
            firstConsumer += expected[p];
        }
        assertThat(fixed.consumerLoad()[0]).isEqualTo(firstConsumer);
    }

    @Test
    void moreConsumersThanPartitionsIdlesTheExtraConsumersUnderEveryStrategy() {
        WhatIfConfig config = WhatIfConfig.builder(3).consumers(5).build();
        WhatIfResult result = new WhatIfSimulator(config).simulate(KeyCounts.zipf(new ZipfSpec(1, 100, 10_000)));
        for (StrategyPrediction p : result.predictions()) {
            assertThat(p.consumers().idle()).as(p.strategy().name()).contains(3, 4);
        }
    }

    @Test
    @DisplayName("10^6 keys on 1000 partitions: every strategy's loads add up to the 10^8 records")
    void aMillionKeysOnAThousandPartitionsAddUpUnderEveryStrategy() {
        KeyCounts keys = KeyCounts.zipf(ZipfSpec.parse("zipf:1.0:1000000"));
        assertThat(keys.totalRecords()).isEqualTo(100_000_000L);
        AtomicLong lastDone = new AtomicLong();
        WhatIfResult result = new WhatIfSimulator(WhatIfConfig.builder(1000).build())
                .simulate(keys, (phase, done, total) -> lastDone.accumulateAndGet(done, Math::max));
        assertThat(lastDone.get()).isEqualTo(1_000_000);
        assertThat(result.distinctKeys()).isEqualTo(1_000_000);
        for (StrategyPrediction p : result.predictions()) {
            assertThat(p.partitionLoad()).as(p.strategy().name()).hasSize(1000);
            assertThat(p.partitions().total()).as(p.strategy().name()).isCloseTo(1e8, within(1e-3));
            assertThat(p.consumers().total()).as(p.strategy().name()).isCloseTo(1e8, within(1e-3));
        }
        // The hottest key alone (1 / H(10^6) = 6.95 % of records) sits on one partition under FIXED_KEY.
        StrategyPrediction fixed = predict(result, Strategy.FIXED_KEY);
        assertThat(fixed.partitionLoad()[KafkaPartitioning.partitionFor("key-1", 1000)])
                .isGreaterThanOrEqualTo(result.hottestKeyCount());
        assertThat(fixed.partitions().maxOverMean()).isGreaterThan(60);
        assertThat(predict(result, Strategy.PARTITION_AWARE_SALT).partitions().maxOverMean()).isEqualTo(1.0);
    }

    @Test
    void growingMovesKeysAndMakesOldPartitionAwareSaltsStale() {
        KeyCounts keys = KeyCounts.zipf(new ZipfSpec(1.0, 5_000, 200_000));
        WhatIfConfig config = WhatIfConfig.builder(3).growTo(6).build();
        GrowthPrediction growth = new WhatIfSimulator(config).simulate(keys).growth();
        long moved = 0;
        double movedRecords = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (KafkaPartitioning.partitionFor(keys.key(i), 3) != KafkaPartitioning.partitionFor(keys.key(i), 6)) {
                moved++;
                movedRecords += keys.count(i);
            }
        }
        assertThat(growth.keysMoved()).isEqualTo(moved);
        assertThat(growth.fixedKeyLoadMovedShare()).isCloseTo(movedRecords / keys.totalRecords(), within(1e-12));
        assertThat(growth.after()).hasSize(Strategy.values().length).allSatisfy(p -> assertThat(p.partitionLoad()).hasSize(6));
        GrowthPrediction.StaleSalts stale = growth.staleSalts();
        assertThat(stale.keysChecked()).isEqualTo(WhatIfSimulator.STALE_SALT_MAX_KEYS);
        // Three salts can never reach six partitions.
        assertThat(stale.keysNoLongerCoveringAll()).isEqualTo(stale.keysChecked());
        assertThat(stale.meanPartitionsCovered()).isLessThanOrEqualTo(3.0);
        assertThat(stale.saltedKeysChecked()).isEqualTo(3L * stale.keysChecked());
    }

    @Test
    void staleSaltsOfOneKeyLeaveTheNewPartitionsIdle() {
        WhatIfConfig config = WhatIfConfig.builder(3).growTo(6).build();
        GrowthPrediction growth = new WhatIfSimulator(config).simulate(KeyCounts.of(Map.of(SEED_KEY, 600L))).growth();
        assertThat(growth.staleSalts().keysNoLongerCoveringAll()).isEqualTo(1);
        assertThat(growth.staleSalts().load().idleCount()).isGreaterThanOrEqualTo(3);
        StrategyPrediction recomputed = predict(growth.after(), Strategy.PARTITION_AWARE_SALT);
        assertThat(recomputed.partitionLoad()).containsExactly(100, 100, 100, 100, 100, 100);
    }

    @Test
    void configRejectsBadValuesWithOneLineNamingThem() {
        assertThatThrownBy(() -> WhatIfConfig.builder(0).build())
                .hasMessage("partitions must be in [1, 100000] but got 0");
        assertThatThrownBy(() -> WhatIfConfig.builder(3).consumers(0).build())
                .hasMessage("consumers must be in [1, 100000] but got 0");
        assertThatThrownBy(() -> WhatIfConfig.builder(3).saltBuckets(-2).build())
                .hasMessage("salt buckets must be in [1, 100000] but got -2");
        assertThatThrownBy(() -> WhatIfConfig.builder(3).growTo(3).build())
                .hasMessageStartingWith("grow-to must be more than the 3 partitions");
        assertThatThrownBy(() -> WhatIfConfig.builder(3).strategies(List.of()).build())
                .hasMessage("at least one strategy is needed; allowed: " + Strategy.allowedNames());
        assertThat(WhatIfConfig.builder(3).strategies(List.of(Strategy.FIXED_KEY, Strategy.FIXED_KEY)).build()
                .strategies()).containsExactly(Strategy.FIXED_KEY);
    }
}
