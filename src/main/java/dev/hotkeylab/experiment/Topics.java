package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.BackendKind;
import dev.hotkeylab.broker.KafkaBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * An experiment topic's life: created fresh, replicated as far as the cluster allows (up to 3); its log end offsets
 * read after the run; deleted unless kept.
 */
public final class Topics {

    private Topics() {
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions on {@code backend}'s cluster.
     *
     * @throws ExperimentException naming the topic and the cluster when it cannot be created
     */
    public static void create(Admin admin, KafkaBackend backend, String topic, int partitions) {
        create(admin, backend, topic, partitions, null);
    }

    /** As above, waiting no longer than the run's deadline and failing as soon as the cluster is lost. */
    static void create(Admin admin, KafkaBackend backend, String topic, int partitions, RunDeadline deadline) {
        create(admin, backend, topic, partitions, deadline, Map.of());
    }

    /** As above, with topic configs (e.g. {@code segment.bytes}). */
    static void create(Admin admin, KafkaBackend backend, String topic, int partitions, RunDeadline deadline,
            Map<String, String> configs) {
        short replication = (short) Math.min(3, backend.brokers());
        try {
            var created = admin.createTopics(List.of(new NewTopic(topic, partitions, replication).configs(configs)))
                    .all();
            if (deadline == null) {
                created.get(30, TimeUnit.SECONDS);
            } else {
                deadline.await(created);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while creating " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ExperimentException("could not create topic " + topic + " on " + backend.bootstrapServers()
                    + " with " + partitions + " partitions: "
                    + ExperimentRunner.reason(e.getCause() == null ? e : e.getCause()), e);
        }
    }

    /**
     * The log end offset of each partition of {@code topic}, read within the run's deadline.
     *
     * @throws ExperimentException naming the topic when they cannot be read
     */
    static List<Long> endOffsets(Admin admin, String topic, int partitions, RunDeadline deadline)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    deadline.await(admin.listOffsets(request).all());
            return IntStream.range(0, partitions)
                    .mapToObj(p -> offsets.get(new TopicPartition(topic, p)).offset()).toList();
        } catch (ExecutionException e) {
            throw new ExperimentException("could not read the end offsets of " + topic + ": " + ExperimentRunner.reason(e.getCause()), e);
        }
    }

    /**
     * Deletes the run's topic. A finished run waits up to 10 s (never past its deadline) for the deletion; a failed
     * one only sends it. Interrupted on an embedded broker (Ctrl-C), nothing is deleted: the broker and its folder go
     * next, and deleting the topic now would only race the group coordinator's cleanup against its shutdown (ERROR
     * lines on the way out).
     */
    static void delete(Admin admin, KafkaBackend backend, String topic, boolean finished, RunDeadline deadline) {
        boolean embeddedGoing = Thread.currentThread().isInterrupted()
                && backend.kind() == BackendKind.EMBEDDED;
        if (embeddedGoing) {
            return;
        }
        var deleted = admin.deleteTopics(List.of(topic)).all();
        if (finished) {
            try {
                deleted.get(deadline.boundMillis(java.time.Duration.ofSeconds(10)), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Left for the cluster's own retention: the run itself is complete.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
