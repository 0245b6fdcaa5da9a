package dev.hotkeylab.experiment;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Where one concert's requests went and whether they stayed in order: with a mixed workload this shows that an
 * adaptive partitioner spread the hot concert and left every quiet one on its single partition.
 *
 * @param perPartition       records of this concert per partition, as the producer was told
 * @param orderingViolations records of this concert processed after a newer one of the same concert
 */
public record ConcertStats(String concert, long records, List<Long> perPartition, long orderingViolations) {

    public ConcertStats {
        perPartition = List.copyOf(perPartition);
    }

    /** The partitions that got at least one record of this concert. */
    public List<Integer> partitions() {
        return IntStream.range(0, perPartition.size()).filter(p -> perPartition.get(p) > 0).boxed().toList();
    }
}
