package dev.hotkeylab.cli;

import dev.hotkeylab.broker.BackendChoice;
import dev.hotkeylab.broker.BackendKind;
import dev.hotkeylab.broker.EmbeddedKafka;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.KafkaBackends;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every command that talks to Kafka shares. */
final class BackendOptions {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Use an existing cluster (default: $HOTKEY_BOOTSTRAP; else a container if Docker runs; "
                    + "else an embedded broker).")
    String bootstrap;

    @Option(names = "--backend", paramLabel = "KIND",
            description = "Force a backend: embedded, container or external (default: $HOTKEY_BACKEND or the rule above).")
    String backend;

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1",
            description = "Brokers of the embedded cluster (default: ${DEFAULT-VALUE}).")
    int brokers;

    /** The command these options are mixed into. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** picocli's standard output writer, where the command says which backend it uses and what it measured. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Refuses a broker count the embedded cluster cannot have, before anything starts (same rule in every command). */
    static void requireBrokers(int brokers) {
        if (brokers < 1 || brokers > EmbeddedKafka.MAX_BROKERS) {
            throw new IllegalArgumentException("brokers must be in [1, " + EmbeddedKafka.MAX_BROKERS
                    + "] but got " + brokers);
        }
    }

    BackendChoice choice() {
        requireBrokers(brokers);
        BackendChoice env = BackendChoice.fromEnvironment(brokers);
        Optional<BackendKind> forced = backend == null ? env.forced() : Optional.of(BackendKind.parse(backend));
        Optional<String> address = bootstrap != null ? Optional.of(bootstrap) : env.bootstrap();
        return new BackendChoice(address, forced, brokers);
    }

    /**
     * Whether the choice may end in an embedded cluster in this JVM (no address, not forced elsewhere), whose limits
     * are then this process's (Docker is not asked here: that takes seconds).
     */
    static boolean mayEmbed(BackendChoice choice) {
        return choice.bootstrap().isEmpty() && choice.forced().map(k -> k == BackendKind.EMBEDDED).orElse(true);
    }

    KafkaBackend open(PrintWriter log) {
        return KafkaBackends.open(choice(), log);
    }
}
