package dev.hotkeylab.cli;

import dev.hotkeylab.dashboard.DashboardOptions;
import picocli.CommandLine.Option;

/** Where the dashboard listens ({@code run} and {@code dashboard}); {@code run} adds {@code --no-serve}. */
final class ServingOptions {

    @Option(names = "--host", defaultValue = DashboardOptions.DEFAULT_HOST,
            description = "Address the dashboard listens on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Dashboard port (default: ${DEFAULT-VALUE}).")
    int port;

    /** @throws IllegalArgumentException for a blank host or a port outside [0, 65535] (named by the message) */
    DashboardOptions dashboardOptions() {
        return DashboardOptions.defaults().withHost(host).withPort(port);
    }
}
