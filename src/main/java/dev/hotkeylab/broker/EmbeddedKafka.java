package dev.hotkeylab.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * A KRaft Kafka cluster inside this JVM, built from Kafka's own {@link KafkaClusterTestKit} (Maven Central artifacts,
 * no Docker, no download). Brokers listen on free ports of the loopback interface only (unless
 * {@link #start(int, Map, String)} is told another address) and keep their logs in a temporary folder
 * ({@code hotkey-kafka-<pid>-*} in {@code java.io.tmpdir}) that is deleted on close, after the brokers have stopped;
 * folders that a killed process left behind are swept at the next start. Ready in about 1.5 s on 2 cores.
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
        return start(brokers, overrides, LOOPBACK);
    }

    /** The address embedded brokers listen on unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The most brokers an embedded cluster may have (each is a full broker in this JVM: threads, heap, files). */
    public static final int MAX_BROKERS = 9;

    /** Prefix of the folders in {@code java.io.tmpdir} that hold the brokers' logs. */
    static final String DIR_PREFIX = "hotkey-kafka-";

    /**
     * As above, listening on {@code bindAddress} (e.g. {@code 0.0.0.0} to serve other machines) instead of the
     * loopback interface.
     */
    public static EmbeddedKafka start(int brokers, Map<String, String> overrides, String bindAddress) {
        if (brokers < 1 || brokers > MAX_BROKERS) {
            throw new IllegalArgumentException("brokers must be in [1, " + MAX_BROKERS + "] but got " + brokers);
        }
        InetAddress bind;
        try {
            bind = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind address must be an address of this machine but got '"
                    + bindAddress + "'");
        }
        BrokerFolders.sweepLeftovers();
        Map<String, String> props = new TreeMap<>(EmbeddedBrokerProperties.forBrokers(brokers));
        props.putAll(overrides);

        // One broker shares its process with the controller (fastest start). Several brokers get a controller of
        // their own, so that stopping any broker (the fault tests stop the hot partition's leader) keeps the quorum.
        // Our own base directory: the test kit's default one comes with a JVM shutdown hook that deletes it while our
        // own hook is still closing the brokers (dozens of ERROR traces on Ctrl-C). setDeleteOnClose deletes it after
        // the brokers have stopped.
        Path base;
        try {
            base = Files.createTempDirectory(DIR_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the embedded broker's folder in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(brokers == 1)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(brokers)
                .setBaseDirectory(base)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
        props.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = null;
        try {
            cluster = builder.build();
            if (!bind.isAnyLocalAddress()) {
                rebind(cluster, bind);
            }
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
            BrokerFolders.deleteQuietly(base);
            throw new IllegalStateException("embedded Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The test kit binds its listeners' sockets to the wildcard address before the brokers start (its
     * {@code PreboundSocketFactoryManager} opens {@code new InetSocketAddress(0)}), so the brokers would be reachable
     * from every interface. Each socket is bound again, on the same port, to {@code address} before any broker uses it.
     */
    @SuppressWarnings("unchecked")
    private static void rebind(KafkaClusterTestKit cluster, InetAddress address) throws Exception {
        Field managerField = KafkaClusterTestKit.class.getDeclaredField("socketFactoryManager");
        managerField.setAccessible(true);
        Object manager = managerField.get(cluster);
        Field socketsField = manager.getClass().getDeclaredField("sockets");
        socketsField.setAccessible(true);
        synchronized (manager) {
            Map<Integer, Map<String, ServerSocketChannel>> sockets =
                    (Map<Integer, Map<String, ServerSocketChannel>>) socketsField.get(manager);
            for (Map<String, ServerSocketChannel> byListener : sockets.values()) {
                for (Map.Entry<String, ServerSocketChannel> e : byListener.entrySet()) {
                    int port = ((InetSocketAddress) e.getValue().getLocalAddress()).getPort();
                    e.getValue().close();
                    // As Kafka's own ServerSocketFactory opens it: non-blocking (the broker's acceptor needs that).
                    ServerSocketChannel channel = ServerSocketChannel.open();
                    channel.configureBlocking(false);
                    channel.socket().setReuseAddress(true);
                    channel.bind(new InetSocketAddress(address, port));
                    e.setValue(channel);
                }
            }
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

    /**
     * Each running broker's {@code socket-server-metrics}, read from its own {@code Metrics} (the brokers share this
     * JVM's Yammer registry, so {@code BytesInPerSec} and {@code RequestHandlerAvgIdlePercent} cannot be split by
     * broker, but each {@code BrokerServer} keeps its own Kafka {@code Metrics}). The controller's listener is left out,
     * which matters with one broker, where broker and controller share a process and a {@code Metrics}.
     */
    @Override
    public Map<Integer, BrokerCounters> brokerCounters() {
        Map<Integer, BrokerCounters> out = new TreeMap<>();
        cluster.brokers().forEach((id, broker) -> {
            if (broker.isShutdown()) {
                return;
            }
            // The broker's own listeners: its socket server's acceptors (a combined node's controller listener has an
            // acceptor of the controller's socket server, not of this one).
            java.util.Set<String> listeners = new java.util.HashSet<>();
            broker.socketServer().dataPlaneAcceptors().keySet().forEach(endpoint -> listeners.add(endpoint.listener()));
            long in = 0;
            long outBytes = 0;
            long wait = 0;
            java.util.Set<String> processors = new java.util.HashSet<>();
            for (var e : broker.metrics().metrics().entrySet()) {
                MetricName name = e.getKey();
                String listener = name.tags().get("listener");
                if (!"socket-server-metrics".equals(name.group()) || !listeners.contains(listener)) {
                    continue;
                }
                Object value = e.getValue().metricValue();
                long v = value instanceof Number n ? (long) n.doubleValue() : 0;
                switch (name.name()) {
                    case "incoming-byte-total" -> in += v;
                    case "outgoing-byte-total" -> outBytes += v;
                    case "io-wait-time-ns-total" -> {
                        wait += v;
                        processors.add(listener + "/" + name.tags().get("networkProcessor"));
                    }
                    default -> { }
                }
            }
            out.put(id, new BrokerCounters(in, outBytes, wait, processors.size()));
        });
        return out;
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
