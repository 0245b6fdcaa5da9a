package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ConsumerCrash;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentListener;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.experiment.GroupType;
import dev.hotkeylab.inventory.support.InventoryServers;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A share group moves the concurrency problem downstream exactly as salting does: three members reserve seats of the
 * one hot concert at once, from the one partition, and a member that stops hands its unacknowledged records back to
 * the others when their acquisition lock expires. The idempotent stores must still sell each seat once.
 */
@KafkaTest(backend = "embedded", brokerProperties = {
        // group.share.min.record.lock.duration.ms (default 15000): floor of the lock below, lowered for the test.
        "group.share.min.record.lock.duration.ms=1000",
        // group.share.record.lock.duration.ms (default 30000): a stopped member's records come back after 3 s.
        "group.share.record.lock.duration.ms=3000"})
@DisplayName("Inventory under a share group: 3 members on the hot key's one partition, 100 seats, 2000 requests")
class ShareGroupInventoryTest {

    private static final int CAPACITY = 100;

    static Stream<StoreKind> safeStores() {
        return Arrays.stream(StoreKind.values()).filter(StoreKind::safe);
    }

    @ParameterizedTest(name = "{0}: a member stops after 20 reservations without acknowledging; exactly 100 sold, "
            + "0 oversold, redeliveries absorbed")
    @MethodSource("safeStores")
    void idempotentStoresHoldWithShareGroups(StoreKind kind, KafkaBackend kafka) {
        ExperimentConfig config = ExperimentConfig.builder().strategy(Strategy.FIXED_KEY).partitions(1).consumers(3)
                .messages(2000).serviceTimeMillis(1).build();
        try (InventoryStore store = InventoryStores.open(kind, InventoryServers.config(kind, CAPACITY))) {
            InventoryRequestHandler handler = InventoryRequestHandler.prepare(store, config.key(), CAPACITY,
                    config.serviceTimeMillis());
            ExperimentResult r = new ExperimentRunner(kafka)
                    .with(o -> o.withGroupType(GroupType.SHARE).withCrash(new ConsumerCrash(0, 20)))
                    .run(config, ExperimentListener.NONE, handler);
            InventorySummary summary = handler.summary();
            System.out.println(kind + ", share group: " + summary.describe() + "; " + r.share());

            assertThat(r.spread().activeConsumers()).as("share members working on the one partition").isGreaterThan(1);
            assertThat(r.consumption().crashedConsumers()).hasSize(1);
            assertThat(r.share().redeliveries()).isPositive();
            assertThat(summary.sold()).isEqualTo(CAPACITY);
            assertThat(summary.oversold()).isZero();
            assertThat(handler.log().count(Outcome.CONFIRMED)).as("each request sold at most once")
                    .isEqualTo(CAPACITY);
            assertThat(summary.duplicatesRefused()).isLessThanOrEqualTo(r.consumption().redelivered());
            assertThat(summary.outcomesRecorded()).isEqualTo(r.consumption().processed());
        }
    }
}
