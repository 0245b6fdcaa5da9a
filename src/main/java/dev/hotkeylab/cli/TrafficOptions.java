package dev.hotkeylab.cli;

import dev.hotkeylab.experiment.ExperimentConfig;
import picocli.CommandLine.Option;

/** Who sends what and what handling it costs: the traffic options {@code run} and {@code bench} share. */
final class TrafficOptions {

    @Option(names = "--key", defaultValue = ExperimentConfig.DEFAULT_KEY,
            description = "The hot concert id (default: ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for salts and users (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--service-time", paramLabel = "MS", defaultValue = "5",
            description = "What handling one request costs a consumer, in ms (default: ${DEFAULT-VALUE}).")
    double serviceTime;

    @Option(names = "--users", defaultValue = "100", description = "Distinct users sending requests (default: ${DEFAULT-VALUE}).")
    int users;
}
