package dev.hotkeylab.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * When each reservation ended and how, recorded from any number of consumer threads, so a report can chart confirmed
 * bookings over time per store against the capacity line (a naive store's line crosses it) and compute the store's
 * {@link InventorySummary}. Time runs from the log's creation, or for a log made with {@link #startingOnFirstUse},
 * from its first {@link #start()} or {@link #record} (so a consumer group's settling time is not counted).
 */
public final class ReservationLog {

    /** One reservation: milliseconds since the log started (fractional) and its outcome. */
    public record Entry(double elapsedMillis, Outcome outcome) {
    }

    /** A point of the confirmed-bookings line: after {@code elapsedMillis}, {@code confirmed} bookings in total. */
    public record Point(double elapsedMillis, long confirmed) {
    }

    private static final long UNSTARTED = Long.MIN_VALUE;

    private final LongSupplier nanoClock;
    private final AtomicLong startNanos;
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);

    /** A log whose clock starts now. */
    public ReservationLog() {
        this(System::nanoTime);
    }

    /** A log reading the given nanosecond clock (injected so tests control time). */
    public ReservationLog(LongSupplier nanoClock) {
        this(nanoClock, true);
    }

    private ReservationLog(LongSupplier nanoClock, boolean startNow) {
        this.nanoClock = nanoClock;
        this.startNanos = new AtomicLong(startNow ? nanoClock.getAsLong() : UNSTARTED);
        for (Outcome o : Outcome.values()) {
            counts.put(o, new LongAdder());
        }
    }

    /** A log whose clock starts at its first {@link #start()} or {@link #record}. */
    public static ReservationLog startingOnFirstUse(LongSupplier nanoClock) {
        return new ReservationLog(nanoClock, false);
    }

    /** Starts the clock unless it runs already. Thread-safe and cheap once started. */
    public void start() {
        if (startNanos.get() == UNSTARTED) {
            startNanos.compareAndSet(UNSTARTED, nanoClock.getAsLong());
        }
    }

    /** Records one reservation's outcome at the current time. Thread-safe. */
    public void record(Outcome outcome) {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome must be one of CONFIRMED, SOLD_OUT, DUPLICATE but got null");
        }
        start();
        entries.add(new Entry((nanoClock.getAsLong() - startNanos.get()) / 1e6, outcome));
        counts.get(outcome).increment();
    }

    public long count(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    public long total() {
        long total = 0;
        for (LongAdder a : counts.values()) {
            total += a.sum();
        }
        return total;
    }

    /** Every entry so far, in time order. */
    public List<Entry> entries() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingDouble(Entry::elapsedMillis));
        return sorted;
    }

    /** The cumulative confirmed bookings, one point per confirmation, in time order (starting at 0, 0). */
    public List<Point> confirmedOverTime() {
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0));
        long confirmed = 0;
        for (Entry e : entries()) {
            if (e.outcome() == Outcome.CONFIRMED) {
                points.add(new Point(e.elapsedMillis(), ++confirmed));
            }
        }
        return points;
    }

    /** Milliseconds from the start to the last recorded reservation (0 when none). */
    public double spanMillis() {
        double last = 0;
        for (Entry e : entries) {
            last = Math.max(last, e.elapsedMillis());
        }
        return last;
    }

    /**
     * The store's summary: {@code sold} comes from the store ({@link InventoryStore#sold}), everything else from this
     * log; the rate is outcomes recorded over the span from start to the last one.
     */
    public InventorySummary summarize(String store, int capacity, long sold) {
        double span = spanMillis();
        long total = total();
        return new InventorySummary(store, capacity, sold, Math.max(0, sold - capacity), count(Outcome.DUPLICATE),
                count(Outcome.SOLD_OUT), total, span > 0 ? total / (span / 1000.0) : 0.0);
    }
}
