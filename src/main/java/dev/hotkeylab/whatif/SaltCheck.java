package dev.hotkeylab.whatif;

import java.util.List;
import java.util.Map;

/**
 * Partition-aware salts for the hottest key, and what happens when they are produced by a different client than they
 * were searched for: the salts only spread under the partitioner that found them.
 *
 * @param key                       the hottest key
 * @param client                    whose partitioner searched the salts
 * @param tries                     suffixes hashed to find one per partition
 * @param saltedKeys                the first (up to 16) salted keys, by partition index
 * @param partitionsCoveredByClient for each client: distinct partitions those salted keys reach under its partitioner
 */
public record SaltCheck(String key, ClientModel client, long tries, List<String> saltedKeys,
                        Map<String, Integer> partitionsCoveredByClient) {

    public SaltCheck {
        saltedKeys = List.copyOf(saltedKeys);
        partitionsCoveredByClient = Map.copyOf(partitionsCoveredByClient);
    }
}
