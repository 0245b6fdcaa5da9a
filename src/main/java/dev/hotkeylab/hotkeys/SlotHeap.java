package dev.hotkeylab.hotkeys;

import java.util.function.IntPredicate;

/**
 * A binary min-heap of counter slots ({@code 0 .. capacity - 1}) ordered by an array of counts the caller owns and
 * changes, with each slot's position kept so that a slot whose count grew sinks in O(log K) and the smallest is at
 * {@link #min()}. Space-Saving's "take over the smallest counter" in {@link HeavyHitterDetector}. Not thread-safe: the
 * detector's monitor guards it.
 */
final class SlotHeap {

    private final long[] counts;
    private final int[] heap;
    private final int[] position;
    private int size;

    /** @param counts the count per slot, read on every comparison; its length is the capacity */
    SlotHeap(long[] counts) {
        this.counts = counts;
        this.heap = new int[counts.length];
        this.position = new int[counts.length];
    }

    int size() {
        return size;
    }

    /** The slot at heap index {@code i} ({@code 0 <= i < size()}), for walking every slot in no particular order. */
    int slot(int i) {
        return heap[i];
    }

    /** The slot with the smallest count; only when {@link #size()} > 0. */
    int min() {
        return heap[0];
    }

    /** Adds a slot not in the heap, with its count already set. */
    void add(int slot) {
        place(size, slot);
        size++;
        siftUp(size - 1);
    }

    /** Restores the order after the slot's count went up. */
    void increased(int slot) {
        siftDown(position[slot]);
    }

    /**
     * Removes the slots {@code drop} accepts (asked once per slot) and rebuilds the order, for after counts went down.
     */
    void removeIf(IntPredicate drop) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int slot = heap[i];
            if (!drop.test(slot)) {
                place(kept++, slot);
            }
        }
        size = kept;
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    void clear() {
        size = 0;
    }

    private void siftUp(int i) {
        int slot = heap[i];
        long value = counts[slot];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (counts[heap[parent]] <= value) {
                break;
            }
            place(i, heap[parent]);
            i = parent;
        }
        place(i, slot);
    }

    private void siftDown(int i) {
        int slot = heap[i];
        long value = counts[slot];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && counts[heap[right]] < counts[heap[child]]) {
                child = right;
            }
            if (value <= counts[heap[child]]) {
                break;
            }
            place(i, heap[child]);
            i = child;
        }
        place(i, slot);
    }

    private void place(int i, int slot) {
        heap[i] = slot;
        position[slot] = i;
    }
}
