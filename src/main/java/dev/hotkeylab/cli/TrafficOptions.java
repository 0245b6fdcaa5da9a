package dev.hotkeylab.cli;

import dev.hotkeylab.experiment.ExperimentConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who sends what and what handling it costs: the traffic options {@code run} and {@code bench} share. */
final class TrafficOptions {

    @Mixin
    TicketOptions tickets;

    @Option(names = "--service-time", paramLabel = "MS", defaultValue = "5",
            description = "What handling one request costs a consumer, in ms (default: ${DEFAULT-VALUE}).")
    double serviceTime;

    /**
     * The service time, checked: in [0, {@link dev.hotkeylab.experiment.ExperimentConfig#MAX_SERVICE_TIME_MILLIS}] ms.
     *
     * @throws IllegalArgumentException echoing the value as typed ({@code -1}, not {@code -1.0})
     */
    double serviceTime() {
        double max = ExperimentConfig.MAX_SERVICE_TIME_MILLIS;
        if (!(serviceTime >= 0 && serviceTime <= max)) {
            String given = Double.isFinite(serviceTime)
                    ? java.math.BigDecimal.valueOf(serviceTime).stripTrailingZeros().toPlainString()
                    : Double.toString(serviceTime);
            throw new IllegalArgumentException("service time must be in [0, " + (long) max + "] ms but got " + given);
        }
        return serviceTime;
    }

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
