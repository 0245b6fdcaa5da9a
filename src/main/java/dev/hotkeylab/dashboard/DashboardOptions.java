package dev.hotkeylab.dashboard;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the dashboard listens and polls.
 *
 * @param host         interface to bind; 127.0.0.1 by default so the page (which can start runs) is not on the network
 * @param port         TCP port, 0 for any free port (tests)
 * @param pollInterval how often each watched topic and group is polled (and the page updated)
 * @param adminTimeout how long one Admin call may take before a snapshot reports an error
 * @param reportDir    directory whose files are served under {@code /reports/} (run reports), or null for none
 */
public record DashboardOptions(String host, int port, Duration pollInterval, Duration adminTimeout, Path reportDir) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public DashboardOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be a non-blank address but got \"" + (host == null ? "" : host) + "\"");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535] but got " + port);
        }
        if (pollInterval == null || pollInterval.toMillis() < 50 || pollInterval.toMillis() > 10_000) {
            throw new IllegalArgumentException("poll interval must be in [50, 10000] ms but got "
                    + (pollInterval == null ? "null" : pollInterval.toMillis() + " ms"));
        }
        if (adminTimeout == null || adminTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("admin timeout must be >= 100 ms but got "
                    + (adminTimeout == null ? "null" : adminTimeout.toMillis() + " ms"));
        }
    }

    /**
     * 127.0.0.1:8080, polled every 300 ms (inside the 250-500 ms a person reads as live), 5 s Admin timeout, reports
     * from {@code hotkey.report.dir} (default {@code target/hotkey-report}).
     */
    public static DashboardOptions defaults() {
        return new DashboardOptions(DEFAULT_HOST, DEFAULT_PORT, Duration.ofMillis(300), Duration.ofSeconds(5),
                Path.of(System.getProperty("hotkey.report.dir", "target/hotkey-report")));
    }

    public DashboardOptions withHost(String host) {
        return new DashboardOptions(host, port, pollInterval, adminTimeout, reportDir);
    }

    public DashboardOptions withPort(int port) {
        return new DashboardOptions(host, port, pollInterval, adminTimeout, reportDir);
    }

    public DashboardOptions withPollInterval(Duration pollInterval) {
        return new DashboardOptions(host, port, pollInterval, adminTimeout, reportDir);
    }

    public DashboardOptions withAdminTimeout(Duration adminTimeout) {
        return new DashboardOptions(host, port, pollInterval, adminTimeout, reportDir);
    }

    public DashboardOptions withReportDir(Path reportDir) {
        return new DashboardOptions(host, port, pollInterval, adminTimeout, reportDir);
    }
}
