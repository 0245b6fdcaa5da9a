package dev.hotkeylab.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * A user's own cluster at a bootstrap address: how the harness scales past one machine. Opening it checks that the
 * cluster answers (an unreachable address is an error within {@link #CONNECT_TIMEOUT}, not a hang); closing it leaves
 * the cluster alone.
 */
public final class ExternalKafka implements KafkaBackend {

    /**
     * How long {@link #connect} (and the live commands' start check) waits for the cluster to describe itself. Measured
     * on 2 loaded cores (load average 13 to 26), a cold JVM's first describeCluster on a local broker took 0.18 to
     * 0.45 s (24 tries), and 2 of 10 CLI starts exceeded 2 s: 5 s leaves a margin and answers an unreachable address
     * in about 6 s with the JVM's start, not 14.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final int brokers;

    private ExternalKafka(String bootstrapServers, int brokers) {
        this.bootstrapServers = bootstrapServers;
        this.brokers = brokers;
    }

    /** Connects to {@code bootstrapServers} ({@code host:port[,host:port...]}) and counts its brokers. */
    public static ExternalKafka connect(String bootstrapServers) {
        validateAddress(bootstrapServers);
        int timeoutMs = (int) CONNECT_TIMEOUT.toMillis();
        Map<String, Object> config = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                // reconnect.backoff.max.ms (default 1000) kept; socket.connection.setup.timeout.max.ms (default 30000)
                // lowered so a black-holed address fails within the connect timeout.
                CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            return new ExternalKafka(bootstrapServers, nodes.size());
        } catch (TimeoutException e) {
            throw new IllegalArgumentException("no Kafka cluster answered at bootstrap '" + bootstrapServers
                    + "' within " + CONNECT_TIMEOUT.toSeconds() + " s; expected a reachable host:port[,host:port...]");
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("no Kafka cluster answered at bootstrap '" + bootstrapServers + "': "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + bootstrapServers, e);
        } catch (KafkaException e) {
            throw badAddress(bootstrapServers, e);
        }
    }

    /**
     * What a client's refusal of {@code bootstrapServers} at creation means, in one line: the hosts that cannot be
     * resolved when there are any (Kafka's own "No resolvable bootstrap urls"), else the client's reason.
     */
    public static IllegalArgumentException badAddress(String bootstrapServers, KafkaException e) {
        java.util.List<String> unresolved = new java.util.ArrayList<>();
        for (String part : bootstrapServers.split(",")) {
            String p = part.trim();
            int colon = p.lastIndexOf(':');
            String host = colon > 0 ? p.substring(0, colon) : p;
            try {
                java.net.InetAddress.getAllByName(host);
            } catch (java.net.UnknownHostException | SecurityException unknown) {
                unresolved.add(host);
            }
        }
        String why = !unresolved.isEmpty()
                ? "host " + String.join(", ", unresolved) + " cannot be resolved (no such host name)"
                : e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return new IllegalArgumentException("bad bootstrap address '" + bootstrapServers + "': " + why);
    }

    static void validateAddress(String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap address must be host:port[,host:port...] but got '"
                    + bootstrapServers + "'");
        }
        for (String part : bootstrapServers.split(",")) {
            String p = part.trim();
            int colon = p.lastIndexOf(':');
            boolean ok = colon > 0 && colon < p.length() - 1;
            if (ok) {
                try {
                    int port = Integer.parseInt(p.substring(colon + 1));
                    ok = port > 0 && port <= 65535;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok) {
                throw new IllegalArgumentException("bootstrap address must be host:port[,host:port...] but got '"
                        + bootstrapServers + "'");
            }
        }
    }

    @Override
    public BackendKind kind() {
        return BackendKind.EXTERNAL;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public int brokers() {
        return brokers;
    }

    /** The broker's version is not exposed by the Admin API; this is the client's. */
    @Override
    public String kafkaVersion() {
        return AppInfoParser.getVersion() + " (client)";
    }

    @Override
    public void close() {
        // Not ours to stop.
    }

    @Override
    public String toString() {
        return "external Kafka cluster (" + brokers + " broker" + (brokers == 1 ? "" : "s") + ") at " + bootstrapServers;
    }
}
