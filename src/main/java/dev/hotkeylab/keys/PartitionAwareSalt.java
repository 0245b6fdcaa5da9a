package dev.hotkeylab.keys;

import dev.hotkeylab.keys.base.PartitionAwareSalts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Salting that really spreads: one searched suffix per partition ({@link PartitionAwareSalts}), used round robin by
 * sequence, so each partition gets N/P records (within one) for any key and any partition count.
 */
final class PartitionAwareSalt implements KeyStrategy {

    private final int partitions;
    private final Map<String, PartitionAwareSalts> saltsByKey = new ConcurrentHashMap<>();

    PartitionAwareSalt(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public String keyFor(String concertId, String userId, long sequence) {
        PartitionAwareSalts salts = saltsByKey.computeIfAbsent(concertId, k -> PartitionAwareSalts.compute(k, partitions));
        return salts.saltedKeyFor((int) Math.floorMod(sequence, (long) partitions));
    }
}
