package dev.hotkeylab.cli;

import dev.hotkeylab.whatif.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code whatif}'s progress: a line to stderr at every 10 % of a long phase. */
final class ProgressLines implements ProgressListener {

    /** Phases with fewer units than this finish too fast for a progress line to help. */
    static final long FROM_UNITS = 100_000;

    private final PrintWriter err;
    private final Map<String, Integer> lastDecile = new ConcurrentHashMap<>();

    ProgressLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(String phase, long done, long total) {
        if (total < FROM_UNITS) {
            return;
        }
        int decile = (int) (10 * done / total);
        if (decile > lastDecile.getOrDefault(phase, 0)) {
            lastDecile.put(phase, decile);
            err.printf(Locale.ROOT, "whatif: %s %d %% (%,d/%,d)%n", phase, decile * 10, done, total);
            err.flush();
        }
    }
}
