package dev.hotkeylab.keys;

import dev.hotkeylab.keys.base.PartitionAwareSalts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Salting that really spreads: one searched suffix per partition ({@link PartitionAwareSalts}), used round robin by
 * sequence, so each partition gets N/P records (within one) for any key and any partition count. The salts are
 * searched once per concert id and kept; {@link #target} picks which partition's salt a request takes, which is all
 * {@link EntitySalt} changes.
 */
class PartitionAwareSalt implements KeyStrategy {

    private final int partitions;
    private final Map<String, PartitionAwareSalts> saltsByKey = new ConcurrentHashMap<>();

    PartitionAwareSalt(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public final String keyFor(String concertId, String userId, long sequence) {
        PartitionAwareSalts salts = saltsByKey.computeIfAbsent(concertId, k -> PartitionAwareSalts.compute(k, partitions));
        return salts.saltedKeyFor(target(userId, sequence));
    }

    /** The partition whose salt this request takes ({@code 0 <= p < partitions}): round robin by sequence. */
    int target(String userId, long sequence) {
        return (int) Math.floorMod(sequence, (long) partitions);
    }

    final int partitions() {
        return partitions;
    }
}
