package dev.hotkeylab.dashboard;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run tells the dashboard about itself. The experiment runner calls these as a run starts, progresses and ends;
 * results are JSON-able maps so the dashboard does not depend on the shape of any result class.
 * Implementations are thread-safe.
 */
public interface RunPublisher {

    /** Registers a run and starts watching its topic and group. Returns the run id ({@code run-1}, ...). */
    String runStarted(RunInfo run);

    /** The run finished: its result (any JSON-able map) becomes a row of the comparison table. */
    void runFinished(String runId, Map<String, ?> result);

    /** The run ended with an error (one line, shown with the run). */
    void runFailed(String runId, String error);

    /** The inventory figures of the run (capacity, sold, oversold, duplicatesRefused, ...); may be called repeatedly. */
    void inventoryUpdated(String runId, Map<String, ?> inventory);

    /** A report file written for the run; linked from the runs list when it lies under the report directory. */
    void reportWritten(String runId, Path report);
}
