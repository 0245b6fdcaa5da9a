package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.base.PartitionAwareSalts;
import java.util.List;

/**
 * Partition-aware salts searched with any client's partitioner. The search is the one of
 * {@link PartitionAwareSalts} (suffixes 0, 1, 2, ... until every partition has one), but the hash is the chosen
 * client's: salts searched for the Java client are not partition-aware under KafkaJS's legacy partitioner or
 * librdkafka, which is why the simulator searches with the client it models.
 *
 * @param key        the natural key
 * @param partitions the partition count searched for
 * @param client     whose partitioner was used
 * @param saltedKeys by partition index: {@code saltedKeys.get(p)} lands on {@code p} under {@code client}
 * @param tries      suffixes hashed to find them
 */
public record ClientSalts(String key, int partitions, ClientModel client, List<String> saltedKeys, long tries) {

    public ClientSalts {
        saltedKeys = List.copyOf(saltedKeys);
    }

    /** Searches one salted key per partition for {@code key} under {@code client}. */
    public static ClientSalts search(String key, int partitions, ClientModel client) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null: a record without a key has nothing to salt");
        }
        if (!client.hashesKeys()) {
            throw new IllegalArgumentException("client " + client.cliName() + " places every record at random;"
                    + " there are no partition-aware salts to search");
        }
        PartitionAwareSalts.Search found = PartitionAwareSalts.search(key, partitions,
                k -> client.partitionFor(k, partitions), client.cliName());
        return new ClientSalts(key, partitions, client, List.of(found.saltedKeys()), found.tries());
    }

    /** How many distinct partitions these salted keys reach when {@code producer}'s partitioner places them. */
    public int partitionsCoveredBy(ClientModel producer, int partitionCount) {
        boolean[] hit = new boolean[partitionCount];
        int covered = 0;
        for (String salted : saltedKeys) {
            int p = producer.partitionFor(salted, partitionCount);
            if (!hit[p]) {
                hit[p] = true;
                covered++;
            }
        }
        return covered;
    }
}
