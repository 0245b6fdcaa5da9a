package dev.hotkeylab.experiment;

import java.util.List;

/**
 * What one member of the group did: the partitions it owned when the run settled, and the records it processed.
 *
 * @param timeline records processed per {@link ExperimentResult#TIMELINE_BUCKET_MILLIS} bucket since the first send
 */
public record ConsumerStats(String clientId, List<Integer> partitions, long records, double recordsPerSecond,
        List<Long> timeline) {

    public ConsumerStats {
        partitions = List.copyOf(partitions);
        timeline = List.copyOf(timeline);
    }

    public boolean active() {
        return records > 0;
    }
}
