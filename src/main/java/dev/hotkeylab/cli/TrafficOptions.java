package dev.hotkeylab.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who sends what and what handling it costs: the traffic options {@code run} and {@code bench} share. */
final class TrafficOptions {

    @Mixin
    TicketOptions tickets;

    @Option(names = "--service-time", paramLabel = "MS", defaultValue = "5",
            description = "What handling one request costs a consumer, in ms (default: ${DEFAULT-VALUE}).")
    double serviceTime;

    String key() {
        return tickets.key;
    }

    long seed() {
        return tickets.seed();
    }

    int users() {
        return tickets.users;
    }
}
