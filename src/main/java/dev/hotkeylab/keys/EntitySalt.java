package dev.hotkeylab.keys;

import dev.hotkeylab.keys.base.PartitionAwareSalts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Salting that keeps one user's requests in order: the concert spreads over all partitions, but the salt is chosen by
 * the user id (hashed with Kafka's own partitioner over the partition-aware salt set), so every request of one user
 * shares one salted key, one partition, and therefore one consumer and its order.
 */
final class EntitySalt implements KeyStrategy {

    private final int partitions;
    private final Map<String, PartitionAwareSalts> saltsByKey = new ConcurrentHashMap<>();

    EntitySalt(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public String keyFor(String concertId, String userId, long sequence) {
        PartitionAwareSalts salts = saltsByKey.computeIfAbsent(concertId, k -> PartitionAwareSalts.compute(k, partitions));
        return salts.saltedKeyFor(KafkaPartitioning.partitionFor(userId, partitions));
    }
}
