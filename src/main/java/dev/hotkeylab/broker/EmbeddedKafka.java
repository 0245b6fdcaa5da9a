package dev.hotkeylab.broker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * A KRaft Kafka cluster inside this JVM, built from Kafka's own {@link KafkaClusterTestKit} (Maven Central artifacts,
 * no Docker, no download). Brokers listen on free loopback ports and keep their logs in a temporary folder that is
 * deleted on close. Ready in about 1.5 s on 2 cores.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(1)) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements KafkaBackend {

    private final KafkaClusterTestKit cluster;
    private final int brokers;

    private EmbeddedKafka(KafkaClusterTestKit cluster, int brokers) {
        this.cluster = cluster;
        this.brokers = brokers;
    }

    /** Starts a cluster of {@code brokers} brokers (and one controller) and waits until they are ready. */
    public static EmbeddedKafka start(int brokers) {
        return start(brokers, Map.of());
    }

    /**
     * Starts a cluster with extra broker settings on top of the defaults below.
     *
     * @param overrides broker properties, applied last (so a test can set e.g. {@code min.insync.replicas})
     */
    public static EmbeddedKafka start(int brokers, Map<String, String> overrides) {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be >= 1 but got " + brokers);
        }
        int replication = Math.min(3, brokers);
        Map<String, String> props = new TreeMap<>();
        // offsets.topic.replication.factor (default 3): a single broker cannot hold 3 replicas, and consumers would
        // then wait forever for their group coordinator.
        props.put("offsets.topic.replication.factor", String.valueOf(replication));
        // offsets.topic.num.partitions (default 50): 50 partitions of __consumer_offsets take seconds to create.
        props.put("offsets.topic.num.partitions", "3");
        // transaction.state.log.replication.factor (default 3) and .min.isr (default 2): same reason as above.
        props.put("transaction.state.log.replication.factor", String.valueOf(replication));
        props.put("transaction.state.log.min.isr", String.valueOf(Math.min(2, replication)));
        props.put("transaction.state.log.num.partitions", "3");
        // share.coordinator.state.topic.replication.factor (default 3) and .min.isr (default 2), from Kafka's
        // ShareCoordinatorConfig: the share groups' state topic (__share_group_state) needs as many brokers, else a
        // single broker answers "coordinator not available" and share consumers receive nothing (KIP-932).
        props.put("share.coordinator.state.topic.replication.factor", String.valueOf(replication));
        props.put("share.coordinator.state.topic.min.isr", String.valueOf(Math.min(2, replication)));
        // share.coordinator.state.topic.num.partitions (default 50): as for __consumer_offsets, 50 take seconds.
        props.put("share.coordinator.state.topic.num.partitions", "3");
        // group.initial.rebalance.delay.ms (default 3000): consumers starting together join one rebalance within
        // 300 ms (settled one-partition-per-consumer assignment in ~0.65 s in every trial; 0 raced).
        props.put("group.initial.rebalance.delay.ms", "300");
        // auto.create.topics.enable (default true): experiments create their topics with a known partition count;
        // a typo must not silently create a 1-partition topic.
        props.put("auto.create.topics.enable", "false");
        props.putAll(overrides);

        // One broker shares its process with the controller (fastest start). Several brokers get a controller of
        // their own, so that stopping any broker (the fault tests stop the hot partition's leader) keeps the quorum.
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(brokers == 1)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(brokers)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
        props.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = null;
        try {
            cluster = builder.build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster, brokers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(cluster);
            throw new IllegalStateException("interrupted while starting the embedded Kafka broker", e);
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("embedded Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The test kit's format step prints its bootstrap metadata to {@code System.out}; that is noise for the user, so it
     * is captured and shown only if formatting fails.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        synchronized (System.class) {
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                cluster.format();
            } catch (Exception e) {
                original.print(captured.toString(StandardCharsets.UTF_8));
                throw e;
            } finally {
                System.setOut(original);
            }
        }
    }

    /** The test kit itself, for tests that stop or restart a broker. */
    public KafkaClusterTestKit cluster() {
        return cluster;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.EMBEDDED;
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public int brokers() {
        return brokers;
    }

    @Override
    public String kafkaVersion() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void close() {
        closeQuietly(cluster);
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Shutting down: nothing useful to do with a failure to delete a temp dir.
        }
    }

    @Override
    public String toString() {
        return "embedded Kafka " + kafkaVersion() + " (" + brokers + " broker" + (brokers == 1 ? "" : "s") + ") at "
                + bootstrapServers();
    }
}
