package dev.hotkeylab.scan;

import dev.hotkeylab.hotkeys.HeavyHitter;
import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.hotkeys.HeavyHitterDetector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the keys of the records a scan reads, in bounded memory.
 *
 * <ul>
 *   <li>Null keys (records sent without a key) and empty keys are counted apart, each with the partitions they
 *       landed on; they never take a counter.</li>
 *   <li>While at most {@code exactKeys} distinct keys have been seen, every key is counted exactly.</li>
 *   <li>The first key beyond that switches to Space-Saving (Metwally, Agrawal, El Abbadi 2005) with {@code counters}
 *       counters: the project's {@link HeavyHitterDetector} over a window longer than any scan, so nothing expires. The
 *       exact counts so far are fed into it first (a valid stream order, so the bound holds for the whole scan).
 *       Bound: every tracked key's count is at most {@code N / counters} too high ({@link Entry#error()} says by how
 *       much at most for that key) and never too low, where N is the keyed records counted; every key with more than
 *       {@code N / counters} records is tracked.</li>
 * </ul>
 * Keys are held as ISO-8859-1 strings, one char per byte, so any bytes round-trip exactly and a key costs its length
 * in bytes plus about 60 bytes of objects. Memory: at most {@code exactKeys} keys before the switch (about
 * {@code exactKeys x (130 + key length)} bytes), then {@code counters} keys plus as many partitions remembered for
 * them. Not thread-safe: the scan's one consumer thread calls {@link #add}.
 */
public final class KeyTally {

    /** Distinct keys counted exactly before Space-Saving takes over. */
    public static final int DEFAULT_EXACT_KEYS = 100_000;
    /** Space-Saving counters after the switch: the error bound is N / this. */
    public static final int DEFAULT_COUNTERS = 10_000;
    /** Marks a key seen on more than one partition. */
    public static final int SEVERAL_PARTITIONS = -1;

    private final int exactKeys;
    private final int counters;
    private HashMap<String, long[]> exact = new HashMap<>();
    private HeavyHitterDetector detector;
    /** After the switch: the partition each recently tracked key landed on (pruned to the tracked keys). */
    private HashMap<String, Integer> partitionOf;

    private long keyed;
    private long nullKeys;
    private final Set<Integer> nullPartitions = new HashSet<>();
    private long emptyKeys;
    private final Set<Integer> emptyPartitions = new HashSet<>();

    public KeyTally() {
        this(DEFAULT_EXACT_KEYS, DEFAULT_COUNTERS);
    }

    /**
     * @param exactKeys distinct keys counted exactly, >= 1
     * @param counters  Space-Saving counters after that, >= 10 and <= {@link HeavyHitterConfig#MAX_TOP_K}
     */
    public KeyTally(int exactKeys, int counters) {
        if (exactKeys < 1) {
            throw new IllegalArgumentException("exact keys must be >= 1 but got " + exactKeys);
        }
        if (counters < 10 || counters > HeavyHitterConfig.MAX_TOP_K) {
            throw new IllegalArgumentException("counters must be in [10, " + HeavyHitterConfig.MAX_TOP_K + "] but got "
                    + counters);
        }
        this.exactKeys = exactKeys;
        this.counters = counters;
    }

    /** Counts one record of {@code key} (null: no key) that landed on {@code partition}. */
    public void add(byte[] key, int partition) {
        if (key == null) {
            nullKeys++;
            nullPartitions.add(partition);
            return;
        }
        if (key.length == 0) {
            emptyKeys++;
            emptyPartitions.add(partition);
            return;
        }
        keyed++;
        String k = new String(key, StandardCharsets.ISO_8859_1);
        if (detector == null) {
            long[] entry = exact.get(k);
            if (entry != null) {
                entry[0]++;
                if (entry[1] != partition) {
                    entry[1] = SEVERAL_PARTITIONS;
                }
                return;
            }
            if (exact.size() < exactKeys) {
                exact.put(k, new long[] {1, partition});
                return;
            }
            switchToSpaceSaving();
        }
        detector.observe(k);
        partitionOf.merge(k, partition, (a, b) -> a.equals(b) ? a : SEVERAL_PARTITIONS);
        if (partitionOf.size() > 4 * counters) {
            Set<String> tracked = new HashSet<>();
            detector.topK().forEach(h -> tracked.add(h.key()));
            partitionOf.keySet().retainAll(tracked);
        }
    }

    private void switchToSpaceSaving() {
        // window = Long.MAX_VALUE records in 1 pane: nothing ever expires, so Space-Saving's bounds hold
        HeavyHitterConfig config = new HeavyHitterConfig(counters, 0.1, HeavyHitterConfig.WindowUnit.RECORDS,
                Long.MAX_VALUE, 1, 1);
        detector = new HeavyHitterDetector(config, () -> 0L);
        partitionOf = new HashMap<>();
        for (Map.Entry<String, long[]> e : exact.entrySet()) {
            for (long i = 0; i < e.getValue()[0]; i++) {
                detector.observe(e.getKey());
            }
        }
        Set<String> tracked = new HashSet<>();
        detector.topK().forEach(h -> tracked.add(h.key()));
        for (Map.Entry<String, long[]> e : exact.entrySet()) {
            if (tracked.contains(e.getKey())) {
                partitionOf.put(e.getKey(), (int) e.getValue()[1]);
            }
        }
        exact = null;
    }

    /** True while every key is counted exactly. */
    public boolean exact() {
        return detector == null;
    }

    /** Records with a non-empty key. */
    public long keyedRecords() {
        return keyed;
    }

    public long nullKeys() {
        return nullKeys;
    }

    public long emptyKeys() {
        return emptyKeys;
    }

    /** Partitions that got records without a key, ascending. */
    public List<Integer> nullKeyPartitions() {
        return nullPartitions.stream().sorted().toList();
    }

    /** Partitions that got records with the empty key, ascending. */
    public List<Integer> emptyKeyPartitions() {
        return emptyPartitions.stream().sorted().toList();
    }

    /** Distinct non-empty keys counted (exact) or tracked (Space-Saving). */
    public int distinctKeys() {
        return detector == null ? exact.size() : detector.trackedKeys();
    }

    /**
     * Space-Saving's bound on any count's overstatement: keyed records / counters (0 while exact).
     */
    public long errorBound() {
        return detector == null ? 0 : keyed / counters;
    }

    public int exactKeysCap() {
        return exactKeys;
    }

    public int counters() {
        return counters;
    }

    /**
     * Every key counted (exact) or tracked (Space-Saving), most records first (ties by key bytes). Null and empty keys
     * are not in this list.
     */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        if (detector == null) {
            exact.forEach((k, v) -> out.add(new Entry(k.getBytes(StandardCharsets.ISO_8859_1), v[0], 0, (int) v[1])));
        } else {
            for (HeavyHitter h : detector.topK()) {
                Integer p = partitionOf.get(h.key());
                out.add(new Entry(h.key().getBytes(StandardCharsets.ISO_8859_1), h.count(), h.error(),
                        p == null ? SEVERAL_PARTITIONS : p));
            }
        }
        out.sort(Comparator.comparingLong(Entry::count).reversed()
                .thenComparing(Entry::key, java.util.Arrays::compareUnsigned));
        return out;
    }

    /**
     * One key's count.
     *
     * @param key       the key's exact bytes
     * @param count     its records (exact, or Space-Saving's estimate, never below the truth)
     * @param error     how much {@code count} may overstate the truth (0 when exact)
     * @param partition the partition its records landed on, or {@link #SEVERAL_PARTITIONS}
     */
    public record Entry(byte[] key, long count, long error, int partition) {
    }
}
