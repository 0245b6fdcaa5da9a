package dev.hotkeylab.dashboard;

/**
 * The form's launcher while the real one cannot exist yet (the server starts first so a taken port fails fast; the
 * cluster comes after): refuses politely with HTTP 503 until {@link #set} is called.
 */
public final class DeferredLauncher implements RunLauncher {

    private volatile RunLauncher delegate;

    public void set(RunLauncher launcher) {
        this.delegate = launcher;
    }

    @Override
    public String launch(RunRequest request, RunPublisher publisher) {
        RunLauncher d = delegate;
        if (d == null) {
            throw new IllegalStateException("the cluster is still being reached; try again in a moment");
        }
        return d.launch(request, publisher);
    }
}
