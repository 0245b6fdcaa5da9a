package dev.hotkeylab.experiment;

import dev.hotkeylab.metrics.OrderTracker;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/** The counters a run shares between its producer and its consumer threads. */
final class RunAccounting {

    final long[] sendNanos;
    final AtomicLongArray producedPerPartition;
    final AtomicLongArray processedPerPartition;
    final AtomicLong produced = new AtomicLong();
    final AtomicLong processed = new AtomicLong();
    final AtomicLong mismatches = new AtomicLong();
    final OrderTracker concertOrder = new OrderTracker();
    final OrderTracker userOrder = new OrderTracker();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final AtomicReference<String> failedMember = new AtomicReference<>();
    private final AtomicIntegerArray seen;
    private final AtomicLong distinct = new AtomicLong();
    private final CountDownLatch allProcessed = new CountDownLatch(1);
    private final AtomicLong lastProcessedNanos = new AtomicLong();
    private final int messages;
    private final Object stallLock = new Object();
    private long lastFirstProcessingNanos;
    private long longestStallNanos;
    volatile long firstSendNanos;
    /** Share groups: records received with a delivery count above 1 (redelivered by the broker). */
    final AtomicLong shareRedeliveries = new AtomicLong();
    /** Share groups: records released (RELEASE) after a handler error. */
    final AtomicLong shareReleased = new AtomicLong();
    /** Share groups: records whose last allowed delivery failed, which the broker archives. */
    final AtomicLong shareArchived = new AtomicLong();
    /** Share groups: when the first redelivered record arrived (0: none yet). */
    final AtomicLong firstRedeliveryNanos = new AtomicLong();

    RunAccounting(int messages, int partitions) {
        this.messages = messages;
        this.sendNanos = new long[messages];
        this.seen = new AtomicIntegerArray(messages);
        this.producedPerPartition = new AtomicLongArray(partitions);
        this.processedPerPartition = new AtomicLongArray(partitions);
    }

    /** Accounts for one processed record; returns milliseconds since the first send. */
    long processed(TicketRequest request, int partition, long nowNanos, Histogram latencyMicros) {
        int seq = (int) request.sequence();
        processed.incrementAndGet();
        processedPerPartition.incrementAndGet(partition);
        concertOrder.processed(request.concertId(), request.sequence());
        userOrder.processed(request.userId(), request.sequence());
        if (seq >= 0 && seq < messages) {
            long sent = sendNanos[seq];
            if (sent > 0) {
                latencyMicros.recordValue(Math.max(1, (nowNanos - sent) / 1000));
            }
            if (seen.compareAndSet(seq, 0, 1)) {
                lastProcessedNanos.accumulateAndGet(nowNanos, Math::max);
                synchronized (stallLock) {
                    long since = lastFirstProcessingNanos == 0 ? firstSendNanos : lastFirstProcessingNanos;
                    if (nowNanos > since) {
                        longestStallNanos = Math.max(longestStallNanos, nowNanos - since);
                        lastFirstProcessingNanos = nowNanos;
                    }
                }
                if (distinct.incrementAndGet() == messages) {
                    allProcessed.countDown();
                }
            }
        }
        return Math.max(0, (nowNanos - firstSendNanos) / 1_000_000);
    }

    /**
     * Share groups: a record the broker archives after its last allowed delivery failed. It counts towards the run's
     * completion (it will not come back), not as processed.
     */
    void archived(TicketRequest request) {
        shareArchived.incrementAndGet();
        int seq = (int) request.sequence();
        if (seq >= 0 && seq < messages && seen.compareAndSet(seq, 0, 1)) {
            if (distinct.incrementAndGet() == messages) {
                allProcessed.countDown();
            }
        }
    }

    /** Share groups: a record arrived with a delivery count above 1. */
    void redelivered(long nowNanos) {
        shareRedeliveries.incrementAndGet();
        firstRedeliveryNanos.compareAndSet(0, nowNanos);
    }

    void failed(String member, Throwable e) {
        if (failure.compareAndSet(null, e)) {
            failedMember.set(member);
        }
        allProcessed.countDown();
    }

    boolean awaitAllProcessed(long millis) throws InterruptedException {
        return allProcessed.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The longest time in which no new request was processed, from the first send on. */
    long longestStallMillis() {
        synchronized (stallLock) {
            return longestStallNanos / 1_000_000;
        }
    }

    long distinctProcessed() {
        return distinct.get();
    }

    /** Distinct requests processed successfully: without those a share group archived after failed deliveries. */
    long distinctSucceeded() {
        return distinct.get() - shareArchived.get();
    }

    long lastProcessedNanos() {
        return lastProcessedNanos.get();
    }
}
