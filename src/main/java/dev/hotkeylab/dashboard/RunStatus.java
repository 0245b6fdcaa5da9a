package dev.hotkeylab.dashboard;

/** Where a run shown on the dashboard stands. */
public enum RunStatus {
    /** Started by this process and still producing or consuming. */
    RUNNING,
    /** Finished; its result is in the comparison table. */
    FINISHED,
    /** Ended with an error; the message is kept. */
    FAILED,
    /** A topic (and group) the dashboard only watches, e.g. from {@code hotkey-lab dashboard --topic T}. */
    WATCHING
}
