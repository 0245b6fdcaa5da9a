package dev.hotkeylab.cli;

import dev.hotkeylab.broker.ExternalKafka;
import dev.hotkeylab.broker.ShareGroups;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The Admin calls the live commands share, each bounded by a timeout so an unreachable cluster is a one-line error
 * within seconds instead of a client retrying forever.
 */
final class KafkaChecks implements AutoCloseable {

    private final Admin admin;
    private final String bootstrap;
    private final Duration timeout;
    private final Duration startTimeout;

    /**
     * @param timeout      the bound of each Admin call
     * @param startTimeout how long {@link #requireReachable} waits for the cluster's first answer
     */
    KafkaChecks(String bootstrap, Duration timeout, Duration startTimeout) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
        this.startTimeout = startTimeout;
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "hotkey-lab-cli");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try {
            this.admin = Admin.create(config);
        } catch (KafkaException e) {
            // e.g. "No resolvable bootstrap urls given in bootstrap.servers": the address itself is wrong.
            throw ExternalKafka.badAddress(bootstrap, e);
        }
    }

    static Map<String, Object> clientConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    /**
     * The start timeout: the option's value when the user gave it ({@code explicit}), else the shorter of it and
     * {@link dev.hotkeylab.broker.ExternalKafka#CONNECT_TIMEOUT}, the one start check of every command.
     */
    static Duration startTimeout(Duration option, boolean explicit) {
        Duration check = ExternalKafka.CONNECT_TIMEOUT;
        return explicit || option.compareTo(check) < 0 ? option : check;
    }

    /**
     * @throws ServiceUnavailableException "cannot reach Kafka at B within N s" (any address that parses but does not
     *                                     answer; exit 2 like every service that does not answer at the start)
     */
    void requireReachable() {
        try {
            admin.describeCluster().nodes().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new ServiceUnavailableException("cannot reach Kafka at " + bootstrap + " within "
                    + seconds(startTimeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Kafka at " + bootstrap);
        }
    }

    /**
     * Whether a group of this id exists on the cluster, of any type (Admin {@code listGroups}): a group that committed
     * offsets exists even with no member; a mistyped id does not.
     */
    boolean groupExists(String group) {
        try {
            return answer(admin.listGroups().all()).stream().anyMatch(g -> g.groupId().equals(group));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the groups on " + bootstrap + ": " + e.getCause().getMessage());
        }
    }

    /** The topic's partition count, or empty when it does not exist. */
    OptionalInt partitions(String topic) {
        try {
            return OptionalInt.of(answer(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
                    .partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return OptionalInt.empty();
            }
            throw new IllegalStateException("cannot describe topic '" + topic + "' on " + bootstrap + ": " + e.getCause().getMessage());
        }
    }

    void createTopic(String topic, int partitions) {
        try {
            answer(admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic '" + topic + "' on " + bootstrap + ": " + e.getCause().getMessage());
        }
    }

    /**
     * The call's result within the timeout; the caller says what a failed call means.
     *
     * @throws IllegalStateException "no answer from Kafka at B within N s", or when interrupted
     */
    private <T> T answer(KafkaFuture<T> call) throws ExecutionException {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka at " + bootstrap + " within " + seconds(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /**
     * Makes {@code group} ready to consume as a share group: fails with one line where the cluster has share groups
     * off ({@link ShareGroups#requireSupported}), then sets {@code share.auto.offset.reset=earliest} (default
     * {@code latest}, which skips every record produced before the first member joins).
     */
    void prepareShareGroup(String group) {
        try {
            ShareGroups.requireSupported(admin, bootstrap, timeout.toMillis());
            ShareGroups.configure(admin, group, Map.of("share.auto.offset.reset", "earliest"), timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
