package dev.hotkeylab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The cluster options of the commands that work on a topic of an existing cluster ({@code produce}, {@code consume},
 * {@code dashboard}): its bootstrap address and the topic ({@link TopicAddress}), and how long to wait for the cluster. The commands that may start their own
 * cluster ({@code run}, {@code bench}, {@code soak}) take {@link BackendOptions} instead.
 */
final class ClusterOptions extends TopicAddress {

    @Option(names = "--connect-timeout-ms", paramLabel = "MS", defaultValue = "10000",
            description = "How long to wait for the cluster whenever it stops answering, and at the start when given "
                    + "(default: ${DEFAULT-VALUE}; at the start 5000).")
    int connectTimeoutMs;

    /** The command these options are mixed into: its name and picocli's writers. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** picocli's standard output writer (tests capture it; {@link Main} keeps it on System.out). */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** picocli's error writer, for notices such as "waiting for the topic". */
    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** {@code produce}, {@code consume} or {@code dashboard}: how the command's notices start. */
    String commandName() {
        return command.name();
    }

    /** @throws IllegalArgumentException below 100 ms (a timeout no cluster answers within) */
    Duration timeout() {
        if (connectTimeoutMs < 100) {
            throw new IllegalArgumentException("--connect-timeout-ms must be >= 100 but got " + connectTimeoutMs);
        }
        return Duration.ofMillis(connectTimeoutMs);
    }

    /** Admin checks bounded by {@link #timeout()}; the caller closes them. */
    KafkaChecks checks() {
        return new KafkaChecks(bootstrap, timeout(), KafkaChecks.startTimeout(timeout(),
                command.commandLine().getParseResult().hasMatchedOption("--connect-timeout-ms")));
    }

    /** Says on the error writer that the topic does not exist yet (the command then waits for it). */
    void warnIfTopicMissing(KafkaChecks kafka) {
        if (kafka.partitions(topic).isEmpty()) {
            err().println(commandName() + ": topic '" + topic + "' does not exist yet on " + bootstrap
                    + "; waiting for it");
        }
    }

    /** {@code bootstrap.servers} alone, for the clients the command creates (a mutable copy). */
    Map<String, Object> clientConfig() {
        return KafkaChecks.clientConfig(bootstrap);
    }
}
