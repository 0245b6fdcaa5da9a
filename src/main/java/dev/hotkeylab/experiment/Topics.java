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
        short replication = (short) Math.min(3, backend.brokers());
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replication))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while creating " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ExperimentException("could not create topic " + topic + " on " + backend.bootstrapServers()
                    + " with " + partitions + " partitions: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }
}
