package dev.hotkeylab.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts ordering violations for one kind of entity (a concert, a user) across a whole consumer group: a record is a
 * violation when a record of the same entity with a higher production sequence was processed before it. Safe to call
 * from every consumer thread: the check-and-update of one entity is atomic.
 *
 * <p>State is bounded by the entities, not the records: the highest sequence seen per entity and the violations per
 * reordered entity. A consumer thread that handles records in batches records them into its own {@link Batch} and
 * {@link Batch#flush() flushes} it once per batch: one atomic update per entity and batch instead of one per record
 * (with a fixed key every consumer updated the same map entry for every record: the harness's own hot key). The
 * batch counts as processed at its flush, in its own order.
 */
public final class OrderTracker {

    private final ConcurrentHashMap<String, Long> highestSeen = new ConcurrentHashMap<>();
    private final LongAdder violations = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> violationsByEntity = new ConcurrentHashMap<>();

    /** Records that {@code entity}'s record with production {@code sequence} has just been processed. */
    public void processed(String entity, long sequence) {
        highestSeen.compute(entity, (e, highest) -> {
            if (highest == null || sequence >= highest) {
                // Equal is a redelivery of the newest record, not a reordering.
                return highest == null ? sequence : Math.max(highest, sequence);
            }
            violations.increment();
            violationsByEntity.computeIfAbsent(e, x -> new LongAdder()).increment();
            return highest;
        });
    }

    /** A new batch for one thread (not thread-safe itself; reusable after each {@link Batch#flush()}). */
    public Batch batch() {
        return new Batch();
    }

    /** One thread's records since its last flush, per entity in processing order. */
    public final class Batch {

        private final Map<String, Seqs> sequences = new HashMap<>();

        private Batch() {
        }

        /** Records that {@code entity}'s record with production {@code sequence} was processed by this thread. */
        public void processed(String entity, long sequence) {
            Seqs seqs = sequences.get(entity);
            if (seqs == null) {
                seqs = new Seqs();
                sequences.put(entity, seqs);
            }
            seqs.add(sequence);
        }

        /** Checks this batch against every record flushed before it, then empties it. */
        public void flush() {
            sequences.forEach((entity, seqs) -> {
                if (seqs.size == 0) {
                    return;
                }
                highestSeen.compute(entity, (e, highest) -> {
                    long h = highest == null ? Long.MIN_VALUE : highest;
                    long late = 0;
                    for (int i = 0; i < seqs.size; i++) {
                        if (seqs.values[i] >= h) {
                            h = seqs.values[i]; // equal is a redelivery of the newest record, not a reordering
                        } else {
                            late++;
                        }
                    }
                    if (late > 0) {
                        violations.add(late);
                        violationsByEntity.computeIfAbsent(e, x -> new LongAdder()).add(late);
                    }
                    return h;
                });
                seqs.size = 0;
            });
            if (sequences.size() > 1024) {
                sequences.clear(); // many entities (e.g. users): their arrays are not kept between batches
            }
        }
    }

    private static final class Seqs {
        long[] values = new long[16];
        int size;

        void add(long sequence) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = sequence;
        }
    }

    public long violations() {
        return violations.sum();
    }

    /** Violations of one entity (0 for an entity never reordered or never seen). */
    public long violationsOf(String entity) {
        LongAdder v = violationsByEntity.get(entity);
        return v == null ? 0 : v.sum();
    }

    /** The entities that were reordered, with their violations, by name. */
    public Map<String, Long> violationsByEntity() {
        Map<String, Long> out = new TreeMap<>();
        violationsByEntity.forEach((e, v) -> out.put(e, v.sum()));
        return out;
    }

    /** How many distinct entities were seen. */
    public int entities() {
        return highestSeen.size();
    }
}
