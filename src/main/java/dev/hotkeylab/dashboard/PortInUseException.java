package dev.hotkeylab.dashboard;

/** The dashboard's port is taken by another process; the message names it so the user can pick another. */
public final class PortInUseException extends IllegalStateException {

    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("cannot start the dashboard: port " + port + " on " + host + " is already in use; choose another with --port", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
