package dev.hotkeylab.cli;

import dev.hotkeylab.broker.BackendChoice;
import dev.hotkeylab.broker.BackendKind;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.KafkaBackends;
import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Option;

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

    BackendChoice choice() {
        BackendChoice env = BackendChoice.fromEnvironment(brokers);
        Optional<BackendKind> forced = backend == null ? env.forced() : Optional.of(BackendKind.parse(backend));
        Optional<String> address = bootstrap != null ? Optional.of(bootstrap) : env.bootstrap();
        return new BackendChoice(address, forced, brokers);
    }

    KafkaBackend open(PrintStream log) {
        return KafkaBackends.open(choice(), log);
    }
}
