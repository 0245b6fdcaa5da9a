package dev.hotkeylab.experiment;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Deletes a run's records as its consumer group commits them: every {@link #PERIOD_MILLIS} ms it reads the group's
 * committed offsets and asks the leaders ({@code Admin.deleteRecords}) to move each partition's log start offset up
 * to them, never past. A record is deleted only after its offset was committed, that is after it was processed, so a
 * member that takes over a partition still finds every record it may have to redeliver. The log end offsets the result
 * counts do not move; the broker frees the disk when its retention check removes segments wholly below the start.
 *
 * <p>Runs on its own daemon thread with its own Admin calls; a failed round is skipped (the next one catches up), and
 * {@link #close()} stops it without waiting for a round in flight.
 */
final class RecordTrimmer implements AutoCloseable {

    /** How often committed offsets are read and records below them deleted. */
    static final long PERIOD_MILLIS = 1_000;

    private final Admin admin;
    private final String group;
    private final Map<TopicPartition, Long> trimmedTo = new HashMap<>();
    private final AtomicLong deleted = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    RecordTrimmer(Admin admin, String topic, String group) {
        this.admin = admin;
        this.group = group;
        this.thread = new Thread(this::loop, topic + "-trimmer");
        thread.setDaemon(true);
    }

    RecordTrimmer start() {
        thread.start();
        return this;
    }

    /** Records deleted so far (below the committed offsets asked for). */
    long deleted() {
        return deleted.get();
    }

    private void loop() {
        while (running) {
            try {
                trimOnce();
                TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // Skipped: the next round reads the committed offsets again (a slow coordinator, a leader moving).
            }
        }
    }

    void trimOnce() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, RecordsToDelete> request = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (offset != null && offset.offset() > trimmedTo.getOrDefault(tp, 0L)) {
                request.put(tp, RecordsToDelete.beforeOffset(offset.offset()));
            }
        });
        if (request.isEmpty() || !running) {
            return;
        }
        var results = admin.deleteRecords(request).lowWatermarks();
        for (Map.Entry<TopicPartition, RecordsToDelete> e : request.entrySet()) {
            long low = results.get(e.getKey()).get(10, TimeUnit.SECONDS).lowWatermark();
            long before = trimmedTo.getOrDefault(e.getKey(), 0L);
            if (low > before) {
                deleted.addAndGet(low - before);
                trimmedTo.put(e.getKey(), low);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
