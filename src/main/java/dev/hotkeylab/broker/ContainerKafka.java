package dev.hotkeylab.broker;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka in a Docker container through Testcontainers' {@link KafkaContainer} (the {@code apache/kafka} image, KRaft).
 * Picked where Docker runs and no external cluster is configured (GitHub Actions, a developer laptop). One broker.
 */
public final class ContainerKafka implements KafkaBackend {

    /** Same Kafka version as the client and the embedded broker. */
    public static final String IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafka start() {
        return start(IMAGE);
    }

    public static ContainerKafka start(String image) {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image))
                // Same reason as the embedded broker: a quick, deterministic first rebalance.
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "300")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                // share.coordinator.state.topic.replication.factor (default 3) and .min.isr (default 2): one broker
                // must host the share groups' state topic, as in the embedded backend (KIP-932).
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new IllegalStateException("Kafka container " + image + " did not start: " + e.getMessage(), e);
        }
        return new ContainerKafka(container);
    }

    @Override
    public BackendKind kind() {
        return BackendKind.CONTAINER;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int brokers() {
        return 1;
    }

    @Override
    public String kafkaVersion() {
        String image = container.getDockerImageName();
        return image.substring(image.lastIndexOf(':') + 1);
    }

    @Override
    public void close() {
        container.close();
    }

    @Override
    public String toString() {
        return "Kafka container " + container.getDockerImageName() + " at " + bootstrapServers();
    }
}
