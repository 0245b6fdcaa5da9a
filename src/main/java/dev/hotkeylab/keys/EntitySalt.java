package dev.hotkeylab.keys;

/**
 * Salting that keeps one user's requests in order: the concert spreads over all partitions, but the salt is chosen by
 * the user id (hashed with Kafka's own partitioner over the partition-aware salt set), so every request of one user
 * shares one salted key, one partition, and therefore one consumer and its order.
 */
final class EntitySalt extends PartitionAwareSalt {

    EntitySalt(int partitions) {
        super(partitions);
    }

    @Override
    int target(String userId, long sequence) {
        return KafkaPartitioning.partitionFor(userId, partitions());
    }
}
