package dev.hotkeylab.whatif;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;

/**
 * Which consumer reads which partition, decided by Kafka's own {@link RangeAssignor} (the first assignor of the
 * classic protocol's default {@code partition.assignment.strategy}), so "idle consumers" means what a real group sees.
 */
final class ConsumerAssignment {

    private static final String TOPIC = "whatif";

    private ConsumerAssignment() {
    }

    /** The consumer index (0..C-1) reading each partition. */
    static int[] consumerOfPartition(int partitions, int consumers) {
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        for (int c = 0; c < consumers; c++) {
            subscriptions.put(memberId(c), new Subscription(List.of(TOPIC)));
        }
        Map<String, List<TopicPartition>> assignment =
                new RangeAssignor().assign(Map.of(TOPIC, partitions), subscriptions);
        int[] owner = new int[partitions];
        java.util.Arrays.fill(owner, -1);
        for (int c = 0; c < consumers; c++) {
            for (TopicPartition tp : assignment.getOrDefault(memberId(c), List.of())) {
                owner[tp.partition()] = c;
            }
        }
        for (int p = 0; p < partitions; p++) {
            if (owner[p] < 0) {
                throw new IllegalStateException("RangeAssignor left partition " + p + " of " + partitions + " unassigned");
            }
        }
        return owner;
    }

    /** Loads per consumer from loads per partition. */
    static double[] consumerLoad(double[] partitionLoad, int[] owner, int consumers) {
        double[] load = new double[consumers];
        for (int p = 0; p < partitionLoad.length; p++) {
            load[owner[p]] += partitionLoad[p];
        }
        return load;
    }

    /** Zero-padded so the assignor's lexicographic member order is the numeric order. */
    private static String memberId(int consumer) {
        return String.format("consumer-%06d", consumer);
    }
}
