package dev.hotkeylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Order tracker: records processed after a newer one of the same concert or user")
class OrderTrackerTest {

    @Test
    void countsRecordsProcessedAfterANewerOne() {
        OrderTracker t = new OrderTracker();
        t.processed("a", 0);
        t.processed("a", 2);
        t.processed("a", 1); // late
        t.processed("b", 1);
        t.processed("a", 3);
        t.processed("a", 3); // redelivery of the newest: not a reordering
        assertThat(t.violations()).isEqualTo(1);
        assertThat(t.entities()).isEqualTo(2);
    }

    @Test
    void perEntityOrderFromManyThreadsHasNoFalseViolations() throws Exception {
        OrderTracker t = new OrderTracker();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int e = 0; e < 4; e++) {
            String entity = "e" + e;
            pool.submit(() -> {
                for (int s = 0; s < 10_000; s++) {
                    t.processed(entity, s);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(t.violations()).isZero();
    }
}
