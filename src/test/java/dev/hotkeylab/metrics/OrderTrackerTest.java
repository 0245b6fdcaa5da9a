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

    @Test
    void aFlushedBatchCountsLikeItsRecordsOneByOne() {
        OrderTracker one = new OrderTracker();
        OrderTracker batched = new OrderTracker();
        OrderTracker.Batch b = batched.batch();
        long[] seqs = {0, 2, 1, 3, 3, 5, 4, 4, 6};
        for (long s : seqs) {
            one.processed("a", s);
            b.processed("a", s);
            b.processed("b", 10 - s);
        }
        assertThat(batched.violations()).isZero(); // nothing until the flush
        b.flush();
        assertThat(batched.violationsOf("a")).isEqualTo(one.violations()).isEqualTo(3);
        assertThat(batched.violationsOf("b")).isEqualTo(seqs.length - 1); // all behind the first, 10
        b.processed("a", 5); // behind the newest (6) from the flushed batch
        b.processed("a", 7);
        b.flush();
        assertThat(batched.violationsOf("a")).isEqualTo(4);
    }

    @Test
    void stateIsBoundedByEntitiesNotRecords() {
        OrderTracker t = new OrderTracker();
        OrderTracker.Batch b = t.batch();
        for (int s = 0; s < 1_000_000; s++) {
            b.processed("user-" + (s % 100), s);
            if (s % 500 == 499) {
                b.flush();
            }
        }
        b.flush();
        assertThat(t.entities()).isEqualTo(100);
        assertThat(t.violations()).isZero();
        assertThat(t.violationsByEntity()).isEmpty();
    }
}
