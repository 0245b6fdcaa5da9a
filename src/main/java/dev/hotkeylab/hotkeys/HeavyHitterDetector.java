package dev.hotkeylab.hotkeys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Finds the keys that carry a large share of recent traffic, so a producer can spread only those and keep every quiet
 * key on its home partition (and its order). Space-Saving (Metwally, Agrawal, El Abbadi 2005) over a sliding window:
 *
 * <ul>
 *   <li>At most {@code topK} counters, whatever the number of distinct keys. A key that is not tracked takes over the
 *       counter with the smallest count and inherits that count as its {@link HeavyHitter#error() error}.</li>
 *   <li>Each counter keeps one count per pane of the window (and the inherited part per pane), so when a pane leaves
 *       the window exactly the records seen in it are forgotten. A key quiet for a whole window has count 0 and its
 *       counter is freed.</li>
 *   <li>A key is hot when its guaranteed count (count - error, never more than the truth) is at least
 *       {@code threshold} of the window's records and the window holds at least {@code minEvents} records. Judging on
 *       the lower bound means a quiet key is never called hot because of another key's inherited count.</li>
 * </ul>
 *
 * <p>Guarantees: the counts of all tracked keys add up to the window's total; {@code count - error} never exceeds a
 * key's true count in the window; while nothing has expired (a window longer than the stream) {@code count} never
 * falls below it and {@code error <= total / topK}, so every key with a true share of at least
 * {@code threshold + 1/topK} is hot. Once panes expire the upper bound is approximate.
 *
 * <p>Thread safety: one monitor guards the whole summary. Space-Saving's takeover moves a counter from one key to
 * another, a multi-field update that a lock keeps atomic far more simply than a lock-free design; the critical section
 * is one hash lookup and a few array writes (plus an O(log K) heap fix-up that is O(1) for keys already among the
 * largest), and allocates nothing for a tracked key. A producer's own send path takes a lock per batch anyway.
 */
public final class HeavyHitterDetector {

    private final HeavyHitterConfig config;
    private final LongSupplier clockMillis;
    private final boolean timeWindow;
    private final int capacity;
    private final int panes;
    private final long paneLength;
    private final double threshold;
    private final long minEvents;

    private final HashMap<String, Integer> slotOf;
    private final String[] keys;
    /** counts[slot * panes + pane]: records of the slot's key per pane (including inherited ones). */
    private final long[] counts;
    /** errors[slot * panes + pane]: the inherited part of counts. */
    private final long[] errors;
    private final long[] windowCount;
    private final long[] windowError;
    /** Min-heap of slots by windowCount: its minimum is the counter a new key takes over. */
    private final SlotHeap heap;
    private final int[] freeSlots;
    private int freeCount;

    private final long[] paneTotals;
    private long windowTotal;
    private long currentPane;
    private long observedTotal;

    /** A detector on the system's monotonic clock (only read when the window is in milliseconds). */
    public HeavyHitterDetector(HeavyHitterConfig config) {
        this(config, () -> System.nanoTime() / 1_000_000);
    }

    /**
     * A detector on an injected clock, e.g. a test's {@code AtomicLong::get}.
     *
     * @param clockMillis milliseconds on any monotonic scale; read on every call when the window is in milliseconds
     */
    public HeavyHitterDetector(HeavyHitterConfig config, LongSupplier clockMillis) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        if (clockMillis == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        this.config = config;
        this.clockMillis = clockMillis;
        this.timeWindow = config.windowUnit() == HeavyHitterConfig.WindowUnit.MILLISECONDS;
        this.capacity = config.topK();
        this.panes = config.panes();
        this.paneLength = config.paneLength();
        this.threshold = config.threshold();
        this.minEvents = config.minEvents();
        this.slotOf = new HashMap<>(capacity * 2);
        this.keys = new String[capacity];
        this.counts = new long[capacity * panes];
        this.errors = new long[capacity * panes];
        this.windowCount = new long[capacity];
        this.windowError = new long[capacity];
        this.heap = new SlotHeap(windowCount);
        this.freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeSlots[i] = capacity - 1 - i;
        }
        this.freeCount = capacity;
        this.paneTotals = new long[panes];
        this.currentPane = timeWindow ? Math.floorDiv(clockMillis.getAsLong(), paneLength) : 0;
    }

    public HeavyHitterConfig config() {
        return config;
    }

    /**
     * Counts one record of {@code key} and answers whether the key is hot now, this record included.
     */
    public synchronized boolean observe(String key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        advanceTo(timeWindow ? Math.floorDiv(clockMillis.getAsLong(), paneLength) : observedTotal / paneLength);
        observedTotal++;
        int pane = (int) Math.floorMod(currentPane, (long) panes);
        Integer tracked = slotOf.get(key);
        int slot;
        if (tracked != null) {
            slot = tracked;
            counts[slot * panes + pane]++;
            windowCount[slot]++;
            heap.increased(slot);
        } else if (freeCount > 0) {
            slot = freeSlots[--freeCount];
            keys[slot] = key;
            slotOf.put(key, slot);
            counts[slot * panes + pane] = 1;
            windowCount[slot] = 1;
            windowError[slot] = 0;
            heap.add(slot);
        } else {
            // Space-Saving: the new key takes over the smallest counter, and all of its count becomes error.
            slot = heap.min();
            slotOf.remove(keys[slot]);
            keys[slot] = key;
            slotOf.put(key, slot);
            int base = slot * panes;
            System.arraycopy(counts, base, errors, base, panes);
            windowError[slot] = windowCount[slot];
            counts[base + pane]++;
            windowCount[slot]++;
            heap.increased(slot);
        }
        paneTotals[pane]++;
        windowTotal++;
        return hot(slot);
    }

    /** Whether {@code key} is hot now (a time window first slides to the clock's present). */
    public synchronized boolean isHot(String key) {
        slideToNow();
        Integer slot = slotOf.get(key);
        return slot != null && hot(slot);
    }

    /** The tracked keys, largest estimated count first, with counts, shares and error bounds. */
    public synchronized List<HeavyHitter> topK() {
        slideToNow();
        List<HeavyHitter> out = new ArrayList<>(heap.size());
        for (int i = 0; i < heap.size(); i++) {
            int slot = heap.slot(i);
            out.add(new HeavyHitter(keys[slot], windowCount[slot], windowError[slot], windowTotal, hot(slot)));
        }
        out.sort(Comparator.comparingLong(HeavyHitter::count).reversed().thenComparing(HeavyHitter::key));
        return out;
    }

    /** The keys that are hot now. */
    public List<HeavyHitter> hotKeys() {
        return topK().stream().filter(HeavyHitter::hot).toList();
    }

    /** Records in the window now. */
    public synchronized long windowTotal() {
        slideToNow();
        return windowTotal;
    }

    /** Records ever observed. */
    public synchronized long observedTotal() {
        return observedTotal;
    }

    /** Counters in use: never more than {@code topK}. */
    public synchronized int trackedKeys() {
        return slotOf.size();
    }

    private boolean hot(int slot) {
        return windowTotal >= minEvents && windowCount[slot] - windowError[slot] >= threshold * windowTotal;
    }

    private void slideToNow() {
        if (timeWindow) {
            advanceTo(Math.floorDiv(clockMillis.getAsLong(), paneLength));
        }
    }

    /** Slides the window so that {@code pane} is the current pane; a clock that goes back is taken as standing still. */
    private void advanceTo(long pane) {
        if (pane <= currentPane) {
            return;
        }
        long steps = pane - currentPane;
        if (steps >= panes) {
            clear();
        } else {
            for (long i = 1; i <= steps; i++) {
                expire((int) Math.floorMod(currentPane + i, (long) panes));
            }
            compact();
        }
        currentPane = pane;
    }

    /** Forgets one pane: the pane about to be reused for the newest records. */
    private void expire(int pane) {
        windowTotal -= paneTotals[pane];
        paneTotals[pane] = 0;
        for (int i = 0; i < heap.size(); i++) {
            int slot = heap.slot(i);
            int at = slot * panes + pane;
            windowCount[slot] -= counts[at];
            windowError[slot] -= errors[at];
            counts[at] = 0;
            errors[at] = 0;
        }
    }

    /** Frees the counters whose keys have nothing left in the window and rebuilds the heap (counts went down). */
    private void compact() {
        heap.removeIf(slot -> {
            if (windowCount[slot] != 0) {
                return false;
            }
            free(slot);
            return true;
        });
    }

    private void free(int slot) {
        slotOf.remove(keys[slot]);
        keys[slot] = null;
        windowCount[slot] = 0;
        windowError[slot] = 0;
        freeSlots[freeCount++] = slot;
    }

    private void clear() {
        for (int i = 0; i < heap.size(); i++) {
            free(heap.slot(i));
        }
        heap.clear();
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(errors, 0);
        java.util.Arrays.fill(paneTotals, 0);
        windowTotal = 0;
    }

    @Override
    public String toString() {
        return "HeavyHitterDetector(" + config + ")";
    }
}
