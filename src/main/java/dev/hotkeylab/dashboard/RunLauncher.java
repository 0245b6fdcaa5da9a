package dev.hotkeylab.dashboard;

/**
 * Starts an experiment asked for from the dashboard's form ({@code POST /api/runs}). Injected so the dashboard does not
 * depend on how a run is made: {@link ExperimentRunLauncher} runs the real experiment runner; {@link DeferredLauncher}
 * stands in until the cluster is reached.
 */
@FunctionalInterface
public interface RunLauncher {

    /**
     * Checks the request, starts the run in the background and returns at once with the run id, which must come from
     * {@code publisher.runStarted(...)} so the page can show the run while it happens.
     *
     * @throws IllegalArgumentException for a request this launcher cannot run (answered with HTTP 400 and the message)
     */
    String launch(RunRequest request, RunPublisher publisher);
}
