package dev.hotkeylab.experiment;

import dev.hotkeylab.metrics.OrderTracker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The counters a run shares between its producer and its consumer threads. Bounded by the work, not the request
 * count, except for one bit per request (which requests were processed at least once: exact for redeliveries in any
 * order, 12.5 MB for 10^8 requests). Consumer threads account in their own {@link Batch} and merge it once per
 * polled batch: no lock or shared hot counter per record.
 */
final class RunAccounting {

    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);

    final AtomicLongArray producedPerPartition;
    final AtomicLongArray processedPerPartition;
    final AtomicLong produced = new AtomicLong();
    final AtomicLong processed = new AtomicLong();
    final AtomicLong mismatches = new AtomicLong();
    final OrderTracker concertOrder = new OrderTracker();
    final OrderTracker userOrder = new OrderTracker();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final AtomicReference<String> failedMember = new AtomicReference<>();
    private final long[] seen;
    private final AtomicLong distinct = new AtomicLong();
    private final CountDownLatch allProcessed = new CountDownLatch(1);
    private final AtomicLong lastProcessedNanos = new AtomicLong();
    private final AtomicLong firstProcessedNanos = new AtomicLong();
    private final int messages;
    /** Guards {@link #gaps}. */
    private final Object stallLock = new Object();
    private final HandlingGaps gaps;
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
        this(messages, partitions, System.nanoTime());
    }

    /**
     * @param originNanos a {@link System#nanoTime()} no later than any record's handling (the stall's millisecond
     *                    buckets count from it; a test passes its own clock's start)
     */
    RunAccounting(int messages, int partitions, long originNanos) {
        this.gaps = new HandlingGaps(originNanos);
        this.messages = messages;
        this.seen = new long[(messages + 63) / 64];
        this.producedPerPartition = new AtomicLongArray(partitions);
        this.processedPerPartition = new AtomicLongArray(partitions);
    }

    /** Marks a sequence processed; true the first time. */
    private boolean markSeen(long sequence) {
        if (sequence < 0 || sequence >= messages) {
            return false;
        }
        int seq = (int) sequence;
        long bit = 1L << (seq & 63);
        return ((long) BITS.getAndBitwiseOr(seen, seq >>> 6, bit) & bit) == 0;
    }

    /** A new batch for one consumer thread, recording latencies into that thread's histogram. */
    Batch batch(Histogram latencyMicros) {
        return new Batch(latencyMicros);
    }

    /**
     * One consumer thread's records since its last {@link #flush(long)}: counted, checked for order and marked
     * processed at the flush, once per polled batch. Not thread-safe; one per thread.
     */
    final class Batch {

        private final Histogram latencyMicros;
        private final long[] perPartition;
        private final OrderTracker.Batch concerts = concertOrder.batch();
        private final OrderTracker.Batch users = userOrder.batch();
        private long[] sequences = new long[512];
        private long[] handledNanos = new long[512];
        private int size;

        private Batch(Histogram latencyMicros) {
            this.latencyMicros = latencyMicros;
            this.perPartition = new long[producedPerPartition.length()];
        }

        /**
         * One record handled at {@code nowMillis} (wall clock) and {@code nowNanos} ({@link System#nanoTime()}) whose
         * producer stamped it at {@code createMillis} (the record's timestamp, CreateTime; -1: none, no latency
         * recorded). Latency has the clocks' resolution, 1 ms; {@code nowNanos} is when the request counts as processed
         * for the longest stall, should it be its first processing.
         */
        void add(TicketRequest request, int partition, long createMillis, long nowMillis, long nowNanos) {
            if (createMillis >= 0) {
                latencyMicros.recordValue(Math.max(1, (nowMillis - createMillis) * 1000));
            }
            perPartition[partition]++;
            concerts.processed(request.concertId(), request.sequence());
            users.processed(request.userId(), request.sequence());
            if (size == sequences.length) {
                sequences = java.util.Arrays.copyOf(sequences, size * 2);
                handledNanos = java.util.Arrays.copyOf(handledNanos, size * 2);
            }
            handledNanos[size] = nowNanos;
            sequences[size++] = request.sequence();
        }

        int size() {
            return size;
        }

        /** Merges this batch into the run's counters; returns milliseconds from the first send to {@code nowNanos}. */
        long flush(long nowNanos) {
            if (size > 0) {
                processed.addAndGet(size);
                for (int p = 0; p < perPartition.length; p++) {
                    if (perPartition[p] != 0) {
                        processedPerPartition.addAndGet(p, perPartition[p]);
                        perPartition[p] = 0;
                    }
                }
                concerts.flush();
                users.flush();
                // Fresh records move to the front, their handling instants with them.
                int fresh = 0;
                for (int i = 0; i < size; i++) {
                    if (markSeen(sequences[i])) {
                        handledNanos[fresh++] = handledNanos[i];
                    }
                }
                if (fresh > 0) {
                    firstProcessed(nowNanos, handledNanos, fresh);
                }
                size = 0;
                if (sequences.length > 4096) {
                    sequences = new long[512];
                    handledNanos = new long[512];
                }
            }
            return Math.max(0, (nowNanos - firstSendNanos) / 1_000_000);
        }
    }

    /** A merged batch's {@code fresh} first processings, handled at {@code handledNanos[0..fresh)}. */
    private void firstProcessed(long nowNanos, long[] handledNanos, int fresh) {
        firstProcessedNanos.compareAndSet(0, nowNanos);
        lastProcessedNanos.accumulateAndGet(nowNanos, Math::max);
        synchronized (stallLock) {
            for (int i = 0; i < fresh; i++) {
                gaps.mark(handledNanos[i]);
            }
        }
        if (distinct.addAndGet(fresh) == messages) {
            allProcessed.countDown();
        }
    }

    /**
     * Share groups: a record the broker archives after its last allowed delivery failed. It counts towards the run's
     * completion (it will not come back), not as processed.
     */
    void archived(TicketRequest request) {
        shareArchived.incrementAndGet();
        if (markSeen(request.sequence()) && distinct.incrementAndGet() == messages) {
            allProcessed.countDown();
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

    /**
     * The longest time between two requests processed for the first time, one after the other, by any consumer, at
     * the instants their handlers returned ({@link HandlingGaps}; 1 ms resolution). Neither the wait for the first
     * request nor the batching of the accounting counts: a consumer's records are merged once per polled batch, a
     * whole batch of work after the first of them was handled.
     */
    long longestStallMillis() {
        synchronized (stallLock) {
            return gaps.longestMillis();
        }
    }

    long distinctProcessed() {
        return distinct.get();
    }

    /** Distinct requests processed successfully: without those a share group archived after failed deliveries. */
    long distinctSucceeded() {
        return distinct.get() - shareArchived.get();
    }

    /** When the first batch with a request not processed before was merged (0: none yet). */
    long firstProcessedNanos() {
        return firstProcessedNanos.get();
    }

    long lastProcessedNanos() {
        return lastProcessedNanos.get();
    }
}
