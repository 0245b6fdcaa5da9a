package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Reservation log: outcomes over time on an injected clock")
class ReservationLogTest {

    @Test
    void timelineCountsAndSummaryFollowTheClock() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        ReservationLog log = new ReservationLog(nanos::get);

        nanos.addAndGet(1_000_000);      // 1 ms
        log.record(Outcome.CONFIRMED);
        nanos.addAndGet(1_000_000);      // 2 ms
        log.record(Outcome.CONFIRMED);
        nanos.addAndGet(1_000_000);      // 3 ms
        log.record(Outcome.CONFIRMED);   // a third sale of a 2-seat concert: over-sold
        nanos.addAndGet(500_000);        // 3.5 ms
        log.record(Outcome.DUPLICATE);
        nanos.addAndGet(500_000);        // 4 ms
        log.record(Outcome.SOLD_OUT);

        assertThat(log.total()).isEqualTo(5);
        assertThat(log.entries()).extracting(ReservationLog.Entry::elapsedMillis)
                .containsExactly(1.0, 2.0, 3.0, 3.5, 4.0);
        assertThat(log.confirmedOverTime()).containsExactly(new ReservationLog.Point(0, 0),
                new ReservationLog.Point(1, 1), new ReservationLog.Point(2, 2), new ReservationLog.Point(3, 3));

        InventorySummary s = log.summarize("naive-redis", 2, 3);
        assertThat(s.sold()).isEqualTo(3);
        assertThat(s.oversold()).isEqualTo(1);
        assertThat(s.duplicatesRefused()).isEqualTo(1);
        assertThat(s.soldOut()).isEqualTo(1);
        assertThat(s.outcomesRecorded()).isEqualTo(5);
        assertThat(s.reservationsPerSecond()).isCloseTo(5 / 0.004, within(1e-6));
        assertThat(s.describe()).startsWith("naive-redis: sold 3 of 2 (oversold 1)");
    }

    @Test
    void emptyLogHasNoRate() {
        ReservationLog log = new ReservationLog(() -> 0L);
        InventorySummary s = log.summarize("in-memory", 10, 0);
        assertThat(s.oversold()).isZero();
        assertThat(s.reservationsPerSecond()).isZero();
        assertThat(log.confirmedOverTime()).containsExactly(new ReservationLog.Point(0, 0));
    }

    @Test
    void aLogStartingOnFirstUseIgnoresTheTimeBeforeIt() {
        AtomicLong nanos = new AtomicLong(0);
        ReservationLog log = ReservationLog.startingOnFirstUse(nanos::get);

        nanos.set(3_000_000_000L);  // 3 s of a consumer group settling
        log.start();
        nanos.addAndGet(2_000_000); // 2 ms
        log.record(Outcome.CONFIRMED);
        log.start();                // already running: no effect
        nanos.addAndGet(2_000_000);
        log.record(Outcome.SOLD_OUT);

        assertThat(log.entries()).extracting(ReservationLog.Entry::elapsedMillis).containsExactly(2.0, 4.0);
        assertThat(log.summarize("redis-lua", 1, 1).reservationsPerSecond()).isCloseTo(500.0, within(1e-6));
    }
}
