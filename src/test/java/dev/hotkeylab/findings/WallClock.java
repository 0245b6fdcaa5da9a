package dev.hotkeylab.findings;

/**
 * Tag of tests that assert a ratio of wall-clock times measured in one run (a speed-up with a stated margin below its
 * limit). They run by default as part of the documentation; on a machine busy with other work they are the ones to
 * read with care, and {@code mvn test -DexcludedGroups=wallclock} leaves them out.
 */
public final class WallClock {

    /** The tag's name. */
    public static final String TAG = "wallclock";

    private WallClock() {
    }
}
