package dev.hotkeylab.cli;

import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The cluster options of the commands that work on an existing cluster ({@code produce}, {@code consume},
 * {@code dashboard}): its bootstrap address and how long to wait for it. The commands that may start their own
 * cluster ({@code run}, {@code bench}, {@code soak}) take {@link BackendOptions} instead.
 */
final class ClusterOptions {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--connect-timeout-ms", paramLabel = "MS", defaultValue = "10000",
            description = "How long to wait for the cluster, at the start and whenever it stops answering "
                    + "(default: ${DEFAULT-VALUE}).")
    int connectTimeoutMs;

    /** @throws IllegalArgumentException below 100 ms (a timeout no cluster answers within) */
    Duration timeout() {
        if (connectTimeoutMs < 100) {
            throw new IllegalArgumentException("--connect-timeout-ms must be >= 100 but got " + connectTimeoutMs);
        }
        return Duration.ofMillis(connectTimeoutMs);
    }

    /** Admin checks bounded by {@link #timeout()}; the caller closes them. */
    KafkaChecks checks() {
        return new KafkaChecks(bootstrap, timeout());
    }

    /** {@code bootstrap.servers} alone, for the clients the command creates (a mutable copy). */
    Map<String, Object> clientConfig() {
        return KafkaChecks.clientConfig(bootstrap);
    }
}
