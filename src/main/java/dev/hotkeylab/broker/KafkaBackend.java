package dev.hotkeylab.broker;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A Kafka cluster the experiments can use, whatever started it: an external cluster, a Testcontainers container or a
 * KRaft broker inside this JVM. Owning a backend means owning its threads and ports, so it is closed with
 * try-with-resources; closing an external backend leaves the user's cluster alone.
 */
public interface KafkaBackend extends AutoCloseable {

    /** Which of the three kinds this is. */
    BackendKind kind();

    /** The address clients bootstrap from, e.g. {@code 127.0.0.1:41234}. */
    String bootstrapServers();

    /** Number of brokers in the cluster (for replication factors and per-broker figures). */
    int brokers();

    /** The Kafka version of the broker where known, else of the client. */
    String kafkaVersion();

    /** Client settings every producer, consumer and admin of this backend starts from. */
    default Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /**
     * Each running broker's own traffic counters ({@link BrokerCounters}), by broker id, where this backend can read
     * them: the embedded brokers each keep their own {@code Metrics}. Empty where they cannot be read from here (a
     * container or an external cluster, whose brokers' metrics are behind JMX in another process); callers then fall
     * back to leader log sizes and say so.
     */
    default Map<Integer, BrokerCounters> brokerCounters() {
        return Map.of();
    }

    /** Stops what this backend started. Never throws checked exceptions. */
    @Override
    void close();
}
