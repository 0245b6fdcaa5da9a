package dev.hotkeylab.dashboard;

/** The form asked for a run while the most runs this dashboard allows at once are in progress (HTTP 429). */
public final class TooManyRunsException extends IllegalStateException {

    public TooManyRunsException(int running, int max) {
        super(running + " runs are in progress and at most " + max + " may run at once; start yours when one has "
                + "finished");
    }
}
