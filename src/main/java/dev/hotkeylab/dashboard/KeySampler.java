package dev.hotkeylab.dashboard;

import dev.hotkeylab.hotkeys.HeavyHitter;
import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.hotkeys.HeavyHitterDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Decides which records the dashboard reads back for its key panels and counts what was read: the newest key per
 * partition and the hottest keys (Space-Saving over the sampled records of the last 30 s). Pure: the reading itself is
 * {@link TopicWatcher}'s. Not thread-safe.
 */
final class KeySampler {

    /** Keys are read back at most this often. */
    static final long KEY_SAMPLE_EVERY_MILLIS = 1_000;
    private static final int MAX_KEY_CHARS = 120;
    /** Newest records read per grown partition and second for the hot-key panel. */
    static final int KEY_SAMPLE_RECORDS = 200;
    private static final int HOT_KEY_COUNTERS = 64;
    private static final int HOT_KEYS_SHOWN = 5;
    /** How the hot-key panel names records without a key. */
    static final String NULL_KEY = "(null key)";

    private final Map<Integer, String> latestKeys = new HashMap<>();
    private final Map<Integer, Long> keySampledAtEnd = new HashMap<>();
    private long lastKeySampleMillis;
    /** Space-Saving over the sampled keys of the last 30 s, on the given clock. */
    private final HeavyHitterDetector sampledKeys;
    private final Map<String, Integer> sampledPartition = new HashMap<>();

    /** @param clock epoch milliseconds, for the detector's 30 s window */
    KeySampler(LongSupplier clock) {
        this.sampledKeys = new HeavyHitterDetector(HeavyHitterConfig.defaults().withTopK(HOT_KEY_COUNTERS)
                .withTimeWindow(Duration.ofSeconds(30)).withMinEvents(1), clock);
    }

    /**
     * Which partitions to read back keys from now, and from which offset: those that hold records and grew since their
     * newest key was read, from at most {@link #KEY_SAMPLE_RECORDS} records before the end but never again before
     * what was sampled. Empty when less than {@link #KEY_SAMPLE_EVERY_MILLIS} passed since the last sampling or no
     * partition grew; a non-empty answer counts as a sampling for that interval.
     */
    Map<Integer, Long> startsAt(long now, long[] startOffsets, long[] endOffsets) {
        if (now - lastKeySampleMillis < KEY_SAMPLE_EVERY_MILLIS) {
            return Map.of();
        }
        Map<Integer, Long> from = new LinkedHashMap<>();
        for (int p = 0; p < endOffsets.length; p++) {
            if (endOffsets[p] > startOffsets[p] && !Long.valueOf(endOffsets[p]).equals(keySampledAtEnd.get(p))) {
                long sampledTo = keySampledAtEnd.getOrDefault(p, startOffsets[p]);
                from.put(p, Math.max(Math.max(startOffsets[p], sampledTo), endOffsets[p] - KEY_SAMPLE_RECORDS));
            }
        }
        if (!from.isEmpty()) {
            lastKeySampleMillis = now;
        }
        return from;
    }

    /**
     * Counts the records read back (those at or past the end offsets they were planned for are left out) towards the
     * hot keys, and remembers each partition's newest key when the record at end - 1 is among them.
     */
    void observe(List<SnapshotCalculator.SampledRecord> records, long[] endOffsets) {
        for (SnapshotCalculator.SampledRecord r : records) {
            int p = r.partition();
            if (p >= endOffsets.length || r.offset() >= endOffsets[p]) {
                continue;
            }
            String key = r.key();
            sampledKeys.observe(key == null ? NULL_KEY : key);
            sampledPartition.put(key == null ? NULL_KEY : key, p);
            if (r.offset() == endOffsets[p] - 1) {
                keySampledAtEnd.put(p, endOffsets[p]);
                latestKeys.put(p, key == null ? null : shorten(key));
            }
        }
        if (sampledPartition.size() > 4 * HOT_KEY_COUNTERS) {
            Set<String> tracked = new HashSet<>();
            sampledKeys.topK().forEach(h -> tracked.add(h.key()));
            sampledPartition.keySet().retainAll(tracked);
        }
    }

    /** The newest key read back from a partition, shortened to 120 characters; null for a null key or none read. */
    String latestKey(int partition) {
        return latestKeys.get(partition);
    }

    /** The hottest sampled keys now, at most five, hottest first. */
    List<TopicSnapshot.HotKey> hotKeys() {
        List<TopicSnapshot.HotKey> out = new ArrayList<>();
        for (HeavyHitter h : sampledKeys.topK()) {
            if (out.size() == HOT_KEYS_SHOWN) {
                break;
            }
            out.add(new TopicSnapshot.HotKey(shorten(h.key()), h.count(), h.share(),
                    sampledPartition.getOrDefault(h.key(), -1)));
        }
        return out;
    }

    private static String shorten(String key) {
        return key.length() <= MAX_KEY_CHARS ? key : key.substring(0, MAX_KEY_CHARS) + "…";
    }
}
