package dev.hotkeylab.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one hot concert the way a consumer group would, without a broker: T threads take the next request id from
 * a shared list and reserve it, all starting together behind a gate so they really contend. Used by the benchmark and
 * the tests.
 */
public final class InventoryLoad {

    private InventoryLoad() {
    }

    /** Request ids {@code prefix-0 .. prefix-(n-1)}. */
    public static List<String> requestIds(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }

    /**
     * Reserves every request id once, from {@code threads} threads, and returns the log of outcomes (its clock starts
     * when the threads are released). The user of request i is {@code user-(i % 1000)}.
     *
     * @throws IllegalStateException when a reservation threw; the first failure is the cause
     */
    public static ReservationLog run(InventoryStore store, String concertId, List<String> requestIds, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but got " + threads);
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ReservationLog[] log = new ReservationLog[1];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        for (int i = next.getAndIncrement(); i < requestIds.size(); i = next.getAndIncrement()) {
                            log[0].record(store.reserve(concertId, requestIds.get(i), "user-" + (i % 1000)));
                        }
                    } catch (RuntimeException e) {
                        next.set(requestIds.size()); // the others stop after their current reservation
                        throw e;
                    }
                    return null;
                }));
            }
            ready.await();
            log[0] = new ReservationLog();
            go.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
            return log[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reserving on " + store.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a reservation on " + store.name() + " failed: " + e.getCause(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
