package dev.hotkeylab.whatif;

/** Told how far a long computation is, so a CLI can show a progress line. Called from worker threads. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase what is being computed ({@code "keys"}, {@code "coverage P=12"})
     * @param done  units finished so far
     * @param total units in the phase
     */
    void progress(String phase, long done, long total);
}
