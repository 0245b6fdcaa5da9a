package dev.hotkeylab.experiment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** One member's records per {@link ExperimentResult#TIMELINE_BUCKET_MILLIS} bucket since the run's first send. */
final class Timeline {

    private final Map<Long, AtomicLong> buckets = new ConcurrentHashMap<>();

    /** Counts one record processed {@code elapsedMillis} after the first send. */
    void record(long elapsedMillis) {
        record(elapsedMillis, 1);
    }

    /** Counts {@code records} processed {@code elapsedMillis} after the first send (a batch, at its flush). */
    void record(long elapsedMillis, long records) {
        if (records > 0) {
            buckets.computeIfAbsent(elapsedMillis / ExperimentResult.TIMELINE_BUCKET_MILLIS, b -> new AtomicLong())
                    .addAndGet(records);
        }
    }

    /** Records per bucket from bucket 0 to {@code count - 1}. */
    List<Long> values(int count) {
        Long[] out = new Long[count];
        for (int i = 0; i < count; i++) {
            AtomicLong c = buckets.get((long) i);
            out[i] = c == null ? 0L : c.get();
        }
        return List.of(out);
    }

    /** The last bucket with a record, -1 for none. */
    long lastBucket() {
        return buckets.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
