package dev.hotkeylab.cli;

import dev.hotkeylab.experiment.ExperimentConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which concert the requests are for and who sends them: {@code produce}'s, and through {@link TrafficOptions} {@code run}'s and {@code bench}'s. */
final class TicketOptions {

    @Option(names = "--key", defaultValue = ExperimentConfig.DEFAULT_KEY,
            description = "The hot concert id, the natural key (default: ${DEFAULT-VALUE}).")
    String key;

    @Mixin
    SeedOption seed;

    @Option(names = "--users", defaultValue = "100", description = "Distinct users sending requests (default: ${DEFAULT-VALUE}).")
    int users;

    long seed() {
        return seed.seed;
    }
}
