package dev.hotkeylab.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts ordering violations for one kind of entity (a concert, a user) across a whole consumer group: a record is a
 * violation when a record of the same entity with a higher production sequence was processed before it. Safe to call
 * from every consumer thread: the check-and-update of one entity is atomic.
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
