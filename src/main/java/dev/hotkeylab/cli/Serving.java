package dev.hotkeylab.cli;

import dev.hotkeylab.dashboard.DashboardOptions;
import dev.hotkeylab.dashboard.DashboardServer;
import dev.hotkeylab.dashboard.DashboardRun;
import dev.hotkeylab.dashboard.DeferredLauncher;
import dev.hotkeylab.dashboard.ExperimentRunLauncher;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.inventory.InventorySummary;
import dev.hotkeylab.report.InventoryRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The run command's dashboard, or nothing with {@code --no-serve}. The server starts before the broker (a taken port
 * fails fast) and takes runs from its form only once the broker is up and the main job's own runs are done.
 */
final class Serving implements AutoCloseable {

    private final DashboardServer server;
    private final DeferredLauncher deferred;
    private ExperimentRunLauncher launcher;

    private Serving(DashboardServer server, DeferredLauncher deferred) {
        this.server = server;
        this.deferred = deferred;
    }

    static Serving start(DashboardOptions options, PrintWriter out) {
        if (options == null) {
            return new Serving(null, null);
        }
        DeferredLauncher deferred = new DeferredLauncher();
        DashboardServer server = DashboardServer.start(options, deferred);
        out.println("Dashboard: " + server.url());
        return new Serving(server, deferred);
    }

    /**
     * The runner to use while serving: the page shows finished runs from their topics, so they are kept (an embedded
     * broker takes them along on exit); without a page, the runner as it is.
     */
    ExperimentRunner keepingTopics(ExperimentRunner runner) {
        return server == null ? runner : runner.with(o -> o.withKeepTopics(true));
    }

    /** Connects the page's form to the runner; null when not serving. */
    ExperimentRunLauncher attach(ExperimentRunner runner, Map<String, Object> clientConfig) {
        if (server == null) {
            return null;
        }
        launcher = new ExperimentRunLauncher(runner, clientConfig);
        deferred.set(launcher);
        return launcher;
    }

    /** A listener that shows one run on the page; null when not serving. */
    DashboardRun show(String label, Map<String, Object> clientConfig) {
        return server == null ? null : new DashboardRun(server.publisher(), label, clientConfig);
    }

    void inventory(DashboardRun run, InventoryRun inventory) {
        if (server == null || run == null || run.id() == null) {
            return;
        }
        InventorySummary s = inventory.summary();
        Map<String, Object> figures = new LinkedHashMap<>(); // in the order the page lists them
        Stream.of(Map.entry("store", s.store()), Map.entry("capacity", s.capacity()), Map.entry("sold", s.sold()),
                Map.entry("oversold", s.oversold()), Map.entry("duplicatesRefused", s.duplicatesRefused()),
                Map.entry("outcomes", s.outcomesRecorded()),
                Map.entry("reservationsPerSecond", Math.round(s.reservationsPerSecond())))
                .forEach(e -> figures.put(e.getKey(), e.getValue()));
        server.publisher().inventoryUpdated(run.id(), figures);
    }

    void reportWritten(List<DashboardRun> runs, Path report) {
        if (server == null) {
            return;
        }
        runs.stream().filter(r -> r != null && r.id() != null).forEach(r -> server.publisher().reportWritten(r.id(), report));
    }

    /**
     * Keeps serving until Ctrl-C, then returns so the caller's try-with-resources closes the server, the broker and the
     * stores. Returns whether the thread was interrupted (the caller restores the flag after closing).
     */
    boolean untilInterrupted(PrintWriter out) {
        if (server == null) {
            return false;
        }
        out.println("Serving the dashboard at " + server.url() + " until Ctrl-C.");
        out.flush();
        return Shutdown.await(new CountDownLatch(1));
    }

    @Override
    public void close() {
        if (launcher != null) {
            launcher.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
