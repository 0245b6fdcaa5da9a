package dev.hotkeylab.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What a scan asks the Admin API before reading: the topic's partitions, their log start, log end and last stable
 * offsets, and the group's committed offsets. Every call is bounded by {@link ScanConfig#timeout()}.
 *
 * @param partitions the topic's partitions, indexed by partition number
 * @param start      log start offset per partition
 * @param end        log end offset per partition (read_uncommitted)
 * @param stable     last stable offset per partition (read_committed): where a read_committed consumer stops
 * @param committed  the group's committed offset per partition that has one (empty without a group)
 */
record TopicOffsets(List<TopicPartition> partitions, long[] start, long[] end, long[] stable,
                    Map<Integer, Long> committed) {

    /**
     * @throws IllegalArgumentException the topic does not exist
     * @throws IllegalStateException    Kafka did not answer within the timeout, or answered with an error
     */
    static TopicOffsets read(Admin admin, ScanConfig config) throws InterruptedException {
        Queries q = new Queries(admin, config);
        String topic = config.topic();
        TopicDescription description;
        try {
            description = q.get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalArgumentException("topic '" + topic + "' does not exist on " + config.bootstrap()
                        + "; give an existing topic (kafka-topics.sh --list)");
            }
            throw q.failed(e);
        }
        int count = description.partitions().size();
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            tps.add(new TopicPartition(topic, p));
        }
        return new TopicOffsets(List.copyOf(tps), q.offsets(tps, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED),
                q.offsets(tps, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED),
                q.offsets(tps, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED),
                config.group() == null ? Map.of() : q.committed(topic));
    }

    private record Queries(Admin admin, ScanConfig config) {

            long[] offsets(List<TopicPartition> tps, OffsetSpec spec, IsolationLevel isolation)
                throws InterruptedException {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            tps.forEach(tp -> request.put(tp, spec));
            Map<TopicPartition, ListOffsetsResultInfo> answer;
            try {
                answer = get(admin.listOffsets(request, new ListOffsetsOptions(isolation)).all());
            } catch (ExecutionException e) {
                throw failed(e);
            }
            long[] out = new long[tps.size()];
            for (TopicPartition tp : tps) {
                out[tp.partition()] = answer.get(tp).offset();
            }
            return out;
        }

        Map<Integer, Long> committed(String topic) throws InterruptedException {
            Map<TopicPartition, OffsetAndMetadata> offsets;
            try {
                offsets = get(admin.listConsumerGroupOffsets(config.group()).partitionsToOffsetAndMetadata());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return Map.of();
                }
                throw failed(e);
            }
            Map<Integer, Long> out = new HashMap<>();
            offsets.forEach((tp, om) -> {
                if (tp.topic().equals(topic) && om != null) {
                    out.put(tp.partition(), om.offset());
                }
            });
            return out;
        }

        <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException {
            try {
                return future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw new IllegalStateException("cannot reach Kafka at " + config.bootstrap() + " within "
                            + config.timeout().toSeconds() + " s");
                }
                throw e;
            } catch (TimeoutException e) {
                throw new IllegalStateException("cannot reach Kafka at " + config.bootstrap() + " within "
                        + config.timeout().toSeconds() + " s");
            }
        }

        IllegalStateException failed(ExecutionException e) {
            return new IllegalStateException("Kafka at " + config.bootstrap() + ": " + oneLine(e.getCause()));
        }

        private static String oneLine(Throwable t) {
            String m = t == null ? "unknown error" : t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getMessage();
            int nl = m.indexOf('\n');
            return nl < 0 ? m : m.substring(0, nl);
        }
    }
}
