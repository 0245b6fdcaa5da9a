package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentListener;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.inventory.support.InventoryServers;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline: salting spreads the hot concert over every partition so all consumers work in parallel, and
 * the parallel consumers meet in one inventory. With the Lua store that is safe.
 */
@KafkaTest
@DisplayName("Salted experiment into a Redis Lua inventory: 3 consumers in parallel, 100 seats, 1000 requests")
class InventoryExperimentTest {

    private static final int CAPACITY = 100;

    @Test
    @DisplayName("PARTITION_AWARE_SALT + Redis Lua: all 3 consumers reserve, exactly 100 seats sold, none over")
    void saltedRunSellsExactlyTheCapacity(KafkaBackend kafka) {
        ExperimentConfig config = ExperimentConfig.builder().key("SUPER_STAR_CONCERT_2026")
                .strategy(Strategy.PARTITION_AWARE_SALT).partitions(3).messages(1000).consumers(3).seed(42)
                .serviceTimeMillis(1).build();
        try (InventoryStore store = InventoryStores.open(StoreKind.REDIS_LUA,
                InventoryServers.config(StoreKind.REDIS_LUA, CAPACITY))) {
            InventoryRequestHandler handler = InventoryRequestHandler.prepare(store, config.key(), CAPACITY,
                    config.serviceTimeMillis());

            ExperimentResult result = new ExperimentRunner(kafka).run(config, ExperimentListener.NONE, handler);
            InventorySummary summary = handler.summary();
            System.out.println(summary.describe() + "; redelivered " + result.redelivered());

            assertThat(result.activeConsumers()).isEqualTo(3);
            assertThat(summary.sold()).isEqualTo(CAPACITY);
            assertThat(summary.oversold()).isZero();
            assertThat(handler.log().count(Outcome.CONFIRMED)).isEqualTo(CAPACITY);
            // Every record the group processed (redeliveries included) got exactly one outcome.
            assertThat(summary.outcomesRecorded()).isEqualTo(result.processed());
            assertThat(summary.soldOut() + summary.duplicatesRefused()).isEqualTo(result.processed() - CAPACITY);
        }
    }
}
