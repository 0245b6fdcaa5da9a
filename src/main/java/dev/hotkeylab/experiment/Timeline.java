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
        buckets.computeIfAbsent(elapsedMillis / ExperimentResult.TIMELINE_BUCKET_MILLIS, b -> new AtomicLong())
                .incrementAndGet();
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
