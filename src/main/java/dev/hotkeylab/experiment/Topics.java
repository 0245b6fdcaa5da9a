package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.KafkaBackend;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creating an experiment's fresh topic, replicated as far as the cluster allows (up to 3). */
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
        short replication = (short) Math.min(3, backend.brokers());
        try {
            var created = admin.createTopics(List.of(new NewTopic(topic, partitions, replication))).all();
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
}
