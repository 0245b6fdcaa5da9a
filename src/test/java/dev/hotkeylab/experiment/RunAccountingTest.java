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
                    batch.add(request(seq), partition, 10, 15);
                    if (seq < 1500) {
                        batch.add(request(seq), partition, 10, 15);
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
        batch.add(request(0), 0, -1, 0);
        batch.add(request(1), 0, -1, 0);
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
        batch.add(request(2), 0, -1, 0);
        batch.add(request(0), 0, -1, 0);
        batch.flush(System.nanoTime());
        assertThat(accounting.distinctProcessed()).isEqualTo(2);
        assertThat(accounting.distinctSucceeded()).isEqualTo(1);
    }

    @Test
    void sequencesOutsideTheRunAreCountedButNotMarked() {
        RunAccounting accounting = new RunAccounting(64, 1);
        RunAccounting.Batch batch = accounting.batch(LatencyStats.newHistogram());
        batch.add(request(64), 0, -1, 0);
        batch.add(request(63), 0, -1, 0);
        batch.flush(System.nanoTime());
        assertThat(accounting.processed.get()).isEqualTo(2);
        assertThat(accounting.distinctProcessed()).isEqualTo(1);
    }
}
