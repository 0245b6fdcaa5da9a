package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.inventory.support.InventoryServers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The downstream half of the hot-key story on real Redis and PostgreSQL: 6 consumer threads reserving seats of ONE
 * concert. A read-check-write store over-sells; an atomic one sells exactly the capacity and refuses redeliveries.
 */
@DisplayName("Inventory: 10,000 reservations of one concert with 100 seats from 6 threads")
class InventoryConcurrencyTest {

    private static final int CAPACITY = 100;
    private static final int REQUESTS = 10_000;
    private static final int THREADS = 6;

    private static InventoryStore open(StoreKind kind) {
        return InventoryStores.open(kind, InventoryServers.config(kind, CAPACITY));
    }

    private static String concert() {
        return "SUPER_STAR_CONCERT_2026-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "{0} sells exactly the capacity")
    @EnumSource(value = StoreKind.class, names = {"REDIS_LUA", "SQL_CONDITIONAL", "SQL_OPTIMISTIC", "IN_MEMORY"})
    void atomicStoresSellExactlyTheCapacity(StoreKind kind) {
        try (InventoryStore store = open(kind)) {
            String concert = concert();
            store.reset(concert, CAPACITY);

            ReservationLog log = InventoryLoad.run(store, concert, InventoryLoad.requestIds("r", REQUESTS), THREADS);
            InventorySummary summary = log.summarize(store.name(), CAPACITY, store.sold(concert));
            System.out.println(summary.describe());

            assertThat(store.sold(concert)).isEqualTo(CAPACITY);
            assertThat(summary.oversold()).isZero();
            assertThat(log.total()).isEqualTo(REQUESTS);
            assertThat(log.count(Outcome.CONFIRMED)).isEqualTo(CAPACITY);
            assertThat(log.count(Outcome.SOLD_OUT)).isEqualTo(REQUESTS - CAPACITY);
            assertThat(log.count(Outcome.DUPLICATE)).isZero();
            assertThat(log.confirmedOverTime()).last().extracting(ReservationLog.Point::confirmed)
                    .isEqualTo((long) CAPACITY);
        }
    }

    @ParameterizedTest(name = "{0} over-sells")
    @EnumSource(value = StoreKind.class, names = {"NAIVE_REDIS", "NAIVE_SQL"})
    void naiveReadCheckWriteOverSells(StoreKind kind) {
        try (InventoryStore store = open(kind)) {
            String concert = concert();
            store.reset(concert, CAPACITY);

            ReservationLog log = InventoryLoad.run(store, concert, InventoryLoad.requestIds("r", REQUESTS), THREADS);
            long sold = store.sold(concert);
            InventorySummary summary = log.summarize(store.name(), CAPACITY, sold);
            System.out.printf("%s: measured oversell %d seats (%.1fx capacity) -- %s%n", kind, summary.oversold(),
                    sold / (double) CAPACITY, summary.describe());

            assertThat(sold).as("seats sold by %s with %d threads", kind, THREADS).isGreaterThan(CAPACITY);
            assertThat(summary.oversold()).isPositive();
            // Every sale the store counted was answered CONFIRMED, and every request got an answer.
            assertThat(log.count(Outcome.CONFIRMED)).isEqualTo(sold);
            assertThat(log.total()).isEqualTo(REQUESTS);
            assertThat(log.count(Outcome.DUPLICATE)).isZero();
        }
    }

    @ParameterizedTest(name = "{0} refuses a redelivery of every request")
    @EnumSource(value = StoreKind.class, names = {"REDIS_LUA", "SQL_CONDITIONAL", "SQL_OPTIMISTIC", "IN_MEMORY"})
    void replayingEveryRequestSellsNothingTwice(StoreKind kind) {
        try (InventoryStore store = open(kind)) {
            String concert = concert();
            store.reset(concert, CAPACITY);
            List<String> ids = InventoryLoad.requestIds("r", REQUESTS);
            InventoryLoad.run(store, concert, ids, THREADS);

            ReservationLog replay = InventoryLoad.run(store, concert, ids, THREADS);
            System.out.printf("%s: replay of %d requests refused %d duplicates, %d sold out%n", kind, REQUESTS,
                    replay.count(Outcome.DUPLICATE), replay.count(Outcome.SOLD_OUT));

            // The 100 that booked are recognised; the 9,900 that found no seat still find none.
            assertThat(replay.count(Outcome.DUPLICATE)).isEqualTo(CAPACITY);
            assertThat(replay.count(Outcome.SOLD_OUT)).isEqualTo(REQUESTS - CAPACITY);
            assertThat(replay.count(Outcome.CONFIRMED)).isZero();
            assertThat(store.sold(concert)).isEqualTo(CAPACITY);
        }
    }

    @ParameterizedTest(name = "{0}: redeliveries do not use up seats while some are left")
    @EnumSource(value = StoreKind.class, names = {"REDIS_LUA", "SQL_CONDITIONAL", "SQL_OPTIMISTIC", "IN_MEMORY"})
    void redeliveriesMixedWithNewRequests(StoreKind kind) {
        try (InventoryStore store = open(kind)) {
            String concert = concert();
            store.reset(concert, CAPACITY);
            List<String> first = InventoryLoad.requestIds("a", 60);
            InventoryLoad.run(store, concert, first, THREADS);

            List<String> mixed = new ArrayList<>(first);
            mixed.addAll(InventoryLoad.requestIds("b", 60));
            ReservationLog second = InventoryLoad.run(store, concert, mixed, THREADS);

            assertThat(second.count(Outcome.DUPLICATE)).isEqualTo(60);
            assertThat(second.count(Outcome.CONFIRMED)).isEqualTo(CAPACITY - 60);
            assertThat(second.count(Outcome.SOLD_OUT)).isEqualTo(120 - 60 - (CAPACITY - 60));
            assertThat(store.sold(concert)).isEqualTo(CAPACITY);
        }
    }

    @ParameterizedTest(name = "{0}: the same request from 6 threads at once books once")
    @EnumSource(value = StoreKind.class, names = {"REDIS_LUA", "SQL_CONDITIONAL", "SQL_OPTIMISTIC", "IN_MEMORY"})
    void concurrentDuplicatesBookOnce(StoreKind kind) {
        try (InventoryStore store = open(kind)) {
            String concert = concert();
            store.reset(concert, CAPACITY);
            List<String> sameIdSixTimes = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                sameIdSixTimes.add("the-one-request");
            }

            ReservationLog log = InventoryLoad.run(store, concert, sameIdSixTimes, THREADS);

            assertThat(log.count(Outcome.CONFIRMED)).isEqualTo(1);
            assertThat(log.count(Outcome.DUPLICATE)).isEqualTo(THREADS - 1);
            assertThat(store.sold(concert)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} sells a redelivered request again")
    @EnumSource(value = StoreKind.class, names = {"NAIVE_REDIS", "NAIVE_SQL"})
    void naiveStoresSellARedeliveryAgain(StoreKind kind) {
        try (InventoryStore store = open(kind)) {
            String concert = concert();
            store.reset(concert, CAPACITY);

            assertThat(store.reserve(concert, "req-1", "u1")).isEqualTo(Outcome.CONFIRMED);
            assertThat(store.reserve(concert, "req-1", "u1")).isEqualTo(Outcome.CONFIRMED);
            assertThat(store.sold(concert)).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}: sold out at capacity, reset restores the stock and forgets bookings")
    @EnumSource(StoreKind.class)
    void sequentialSalesStopAtCapacityAndResetStartsOver(StoreKind kind) {
        try (InventoryStore store = open(kind)) {
            String concert = concert();
            store.reset(concert, 2);

            assertThat(store.reserve(concert, "r1", "u")).isEqualTo(Outcome.CONFIRMED);
            assertThat(store.reserve(concert, "r2", "u")).isEqualTo(Outcome.CONFIRMED);
            assertThat(store.reserve(concert, "r3", "u")).isEqualTo(Outcome.SOLD_OUT);
            assertThat(store.sold(concert)).isEqualTo(2);

            store.reset(concert, 1);
            assertThat(store.sold(concert)).isZero();
            assertThat(store.reserve(concert, "r1", "u")).isEqualTo(Outcome.CONFIRMED);
            assertThat(store.reserve(concert, "r4", "u")).isEqualTo(Outcome.SOLD_OUT);
            assertThat(store.sold(concert)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}: a concert that was never reset is an error naming it")
    @EnumSource(StoreKind.class)
    void unknownConcertIsAnError(StoreKind kind) {
        try (InventoryStore store = open(kind)) {
            assertThatThrownBy(() -> store.reserve("NO_SUCH_CONCERT", "r1", "u"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NO_SUCH_CONCERT")
                    .hasMessageContaining(kind.displayName());
        }
    }

    @ParameterizedTest(name = "{0}: stores opened side by side do not share stock")
    @EnumSource(StoreKind.class)
    void storesAreIsolated(StoreKind kind) {
        try (InventoryStore a = open(kind); InventoryStore b = open(kind)) {
            a.reset("C", 1);
            b.reset("C", 1);
            assertThat(a.reserve("C", "r1", "u")).isEqualTo(Outcome.CONFIRMED);
            assertThat(b.reserve("C", "r1", "u")).isEqualTo(Outcome.CONFIRMED);
            assertThat(a.sold("C")).isEqualTo(1);
            assertThat(b.sold("C")).isEqualTo(1);
        }
    }
}
