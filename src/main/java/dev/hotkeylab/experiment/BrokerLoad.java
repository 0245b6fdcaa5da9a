package dev.hotkeylab.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * How much of a topic each broker leads, in records (end offsets) and bytes (the leader replica's log size from
 * {@code describeLogDirs}): with a fixed key the hot partition's leader takes all the writes and all the fetches.
 * When the run deleted records as they were consumed, the log sizes have shrunk; the bytes are then the producer's
 * bytes for the topic split by each leader's share of the records ({@link BrokerTraffic#PRODUCER_BYTES}).
 */
record BrokerLoad(Map<Integer, Long> records, Map<Integer, Long> bytes) {

    static BrokerLoad of(Admin admin, String topic, List<Long> perPartition, RunDeadline deadline)
            throws InterruptedException {
        try {
            TopicDescription description = deadline.await(admin.describeTopics(List.of(topic)).allTopicNames())
                    .get(topic);
            Map<Integer, Long> records = new TreeMap<>();
            Map<TopicPartition, Integer> leaders = new HashMap<>();
            for (TopicPartitionInfo p : description.partitions()) {
                Node leader = p.leader();
                if (leader == null) {
                    continue; // no leader at this moment: counted nowhere rather than guessed
                }
                records.merge(leader.id(), perPartition.get(p.partition()), Long::sum);
                leaders.put(new TopicPartition(topic, p.partition()), leader.id());
            }
            Map<Integer, Long> bytes = new TreeMap<>();
            records.keySet().forEach(b -> bytes.put(b, 0L));
            Map<Integer, Map<String, LogDirDescription>> dirs = deadline.await(admin.describeLogDirs(records.keySet())
                    .allDescriptions());
            dirs.forEach((broker, byDir) -> byDir.values().forEach(dir -> {
                for (Map.Entry<TopicPartition, ReplicaInfo> e : dir.replicaInfos().entrySet()) {
                    if (broker.equals(leaders.get(e.getKey()))) {
                        bytes.merge(broker, e.getValue().size(), Long::sum);
                    }
                }
            }));
            return new BrokerLoad(records, bytes);
        } catch (ExecutionException e) {
            throw new ExperimentException("could not describe the leaders of " + topic + ": "
                    + ExperimentRunner.reason(e.getCause()), e);
        }
    }

    /**
     * As {@link #of}, with bytes from {@code producedBytes} (the producer's {@code byte-total} for the topic) in
     * proportion to each leader's records: the records of one run are the same shape, so their sizes differ by a few
     * bytes of key at most, and nothing here depends on log sizes that deleting records has shrunk.
     */
    static BrokerLoad fromProducer(Admin admin, String topic, List<Long> perPartition, RunDeadline deadline,
            long producedBytes) throws InterruptedException {
        try {
            TopicDescription description = deadline.await(admin.describeTopics(List.of(topic)).allTopicNames())
                    .get(topic);
            Map<Integer, Long> records = new TreeMap<>();
            for (TopicPartitionInfo p : description.partitions()) {
                if (p.leader() != null) {
                    records.merge(p.leader().id(), perPartition.get(p.partition()), Long::sum);
                }
            }
            long total = Math.max(1, perPartition.stream().mapToLong(Long::longValue).sum());
            Map<Integer, Long> bytes = new TreeMap<>();
            records.forEach((b, r) -> bytes.put(b, Math.round((double) producedBytes * r / total)));
            return new BrokerLoad(records, bytes);
        } catch (ExecutionException e) {
            throw new ExperimentException("could not describe the leaders of " + topic + ": "
                    + ExperimentRunner.reason(e.getCause()), e);
        }
    }
}
