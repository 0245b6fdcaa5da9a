package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.metrics.LatencyStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Run accounting: per-thread batches merged into exact run totals")
class RunAccountingTest {

    private static TicketRequest request(long seq) {
        return new TicketRequest("r-" + seq, "hot", "user-" + (seq % 7), seq, 0);
    }

    @Test
    void batchesOfManyThreadsMergeIntoExactCountsAndDistinctRequests() throws Exception {
        int messages = 30_000;
        int partitions = 3;
        RunAccounting accounting = new RunAccounting(messages, partitions);
        accounting.firstSendNanos = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            Histogram latency = LatencyStats.newHistogram();
            histograms.add(latency);
            done.add(pool.submit(() -> {
                RunAccounting.Batch batch = accounting.batch(latency);
                // Each thread owns the sequences of its partition; 500 of them are handled twice (a redelivery).
                for (int seq = partition; seq < messages; seq += partitions) {
                    batch.add(request(seq), partition, 10, 15, System.nanoTime());
                    if (seq < 1500) {
                        batch.add(request(seq), partition, 10, 15, System.nanoTime());
                    }
                    if (batch.size() >= 97) {
                        batch.flush(System.nanoTime());
                    }
                }
                batch.flush(System.nanoTime());
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(accounting.processed.get()).isEqualTo(messages + 1500);
        assertThat(accounting.distinctProcessed()).isEqualTo(messages);
        for (int p = 0; p < partitions; p++) {
            assertThat(accounting.processedPerPartition.get(p)).isEqualTo(10_000 + 500);
        }
        assertThat(accounting.awaitAllProcessed(0)).isTrue();
        assertThat(histograms.stream().mapToLong(Histogram::getTotalCount).sum()).isEqualTo(messages + 1500);
        Histogram h = histograms.get(0);
        assertThat(h.getMaxValue()).isEqualTo(h.highestEquivalentValue(5000)); // 5 ms, in microseconds
        // Every partition's own order is increasing; the hot concert is shared, so interleaved batches reorder it.
        assertThat(accounting.userOrder.entities()).isEqualTo(7);
        assertThat(accounting.concertOrder.entities()).isEqualTo(1);
    }

    @Test
    void aRequestSeenOnlyInAnUnflushedBatchIsNotYetProcessed() throws Exception {
        RunAccounting accounting = new RunAccounting(2, 1);
        RunAccounting.Batch batch = accounting.batch(LatencyStats.newHistogram());
        batch.add(request(0), 0, -1, 0, System.nanoTime());
        batch.add(request(1), 0, -1, 0, System.nanoTime());
        assertThat(accounting.distinctProcessed()).isZero();
        batch.flush(System.nanoTime());
        assertThat(accounting.distinctProcessed()).isEqualTo(2);
        assertThat(accounting.awaitAllProcessed(0)).isTrue();
    }

    @Test
    void archivedAndProcessedCountOnceTogether() {
        RunAccounting accounting = new RunAccounting(3, 1);
        RunAccounting.Batch batch = accounting.batch(LatencyStats.newHistogram());
        accounting.archived(request(2));
        batch.add(request(2), 0, -1, 0, System.nanoTime());
        batch.add(request(0), 0, -1, 0, System.nanoTime());
        batch.flush(System.nanoTime());
        assertThat(accounting.distinctProcessed()).isEqualTo(2);
        assertThat(accounting.distinctSucceeded()).isEqualTo(1);
    }

    @Test
    void sequencesOutsideTheRunAreCountedButNotMarked() {
        RunAccounting accounting = new RunAccounting(64, 1);
        RunAccounting.Batch batch = accounting.batch(LatencyStats.newHistogram());
        batch.add(request(64), 0, -1, 0, System.nanoTime());
        batch.add(request(63), 0, -1, 0, System.nanoTime());
        batch.flush(System.nanoTime());
        assertThat(accounting.processed.get()).isEqualTo(2);
        assertThat(accounting.distinctProcessed()).isEqualTo(1);
    }
    @Test
    @DisplayName("The longest stall is the longest pause between two first processings, at handling: neither the wait "
            + "for the first record nor a batch's merge a whole batch of work later counts")
    void longestStallIsTheLongestPauseBetweenHandledRecords() {
        long t0 = 1_000_000_000L;
        RunAccounting accounting = new RunAccounting(6, 1, t0);
        // The first send, then 300 ms until the first record is handled (producer metadata, the first fetch).
        accounting.firstSendNanos = t0;
        RunAccounting.Batch batch = accounting.batch(LatencyStats.newHistogram());
        batch.add(request(0), 0, -1, 0, t0 + ms(300));
        batch.add(request(1), 0, -1, 0, t0 + ms(305));
        batch.add(request(2), 0, -1, 0, t0 + ms(310));
        // Merged 250 ms after its first record (a polled batch of 5 ms requests); the next batch is likewise late.
        batch.flush(t0 + ms(550));
        batch.add(request(3), 0, -1, 0, t0 + ms(352)); // 42 ms after request 2
        batch.add(request(4), 0, -1, 0, t0 + ms(357));
        batch.add(request(2), 0, -1, 0, t0 + ms(450)); // a redelivery is no new processing
        batch.add(request(5), 0, -1, 0, t0 + ms(460)); // 103 ms after request 4: the longest pause
        batch.flush(t0 + ms(800));
        assertThat(accounting.longestStallMillis()).isEqualTo(103);
    }

    @Test
    @DisplayName("A pause of one consumer while another processes is no stall, whatever order their batches merge in")
    void onlyAPauseOfEveryConsumerIsAStall() {
        long t0 = 5_000_000_000L;
        RunAccounting accounting = new RunAccounting(7, 2, t0);
        RunAccounting.Batch a = accounting.batch(LatencyStats.newHistogram());
        RunAccounting.Batch b = accounting.batch(LatencyStats.newHistogram());
        // a handles at 0, 100 and 200 ms (its own pauses: 100 ms), b at 40, 60, 150 and 230 ms (its longest: 90 ms).
        // Together, each record after the one before it: 40, 20, 40, 50, 50, 30 ms.
        a.add(request(0), 0, -1, 0, t0);
        b.add(request(1), 1, -1, 0, t0 + ms(40));
        b.add(request(3), 1, -1, 0, t0 + ms(60));
        a.add(request(2), 0, -1, 0, t0 + ms(100));
        b.add(request(5), 1, -1, 0, t0 + ms(150));
        a.add(request(4), 0, -1, 0, t0 + ms(200));
        b.add(request(6), 1, -1, 0, t0 + ms(230));
        b.flush(t0 + ms(240)); // b's batch, with the later instants, is merged first
        assertThat(accounting.longestStallMillis()).isEqualTo(90);
        a.flush(t0 + ms(250));
        assertThat(accounting.longestStallMillis()).isEqualTo(50);
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }
}
