package dev.hotkeylab.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The dashboard's runs, in start order ({@code run-1}, {@code run-2}, ...): what each run reported through
 * {@link RunPublisher}, and for a watched topic its {@link TopicWatcher} and latest {@link TopicSnapshot}. Thread-safe:
 * runs report from their own threads, the poller and the HTTP threads read.
 */
final class RunRegistry implements RunPublisher {

    private final DashboardOptions options;
    private final ObjectMapper json;
    private final Map<String, Entry> runs = new LinkedHashMap<>();
    private final AtomicInteger runCounter = new AtomicInteger();

    RunRegistry(DashboardOptions options, ObjectMapper json) {
        this.options = options;
        this.json = json;
    }

    @Override
    public String runStarted(RunInfo run) {
        Entry entry = new Entry(nextId(), run, RunStatus.RUNNING);
        if (run.watched()) {
            entry.watcher = new TopicWatcher(run.clientConfig(), run.topic(), run.group(), options.adminTimeout());
            // A first poll before any consumer commits is the baseline the processed-per-consumer figures start from.
            entry.snapshot = entry.watcher.poll();
        }
        return add(entry);
    }

    /** Watches an existing topic (and group) that this process does not run. */
    String watch(String label, String topic, String group, Map<String, Object> clientConfig) {
        Entry entry = new Entry(nextId(), new RunInfo(label, topic, group, clientConfig, Map.of()), RunStatus.WATCHING);
        entry.watcher = new TopicWatcher(clientConfig, topic, group, options.adminTimeout());
        entry.snapshot = entry.watcher.poll();
        return add(entry);
    }

    @Override
    public void runFinished(String runId, Map<String, ?> result) {
        Entry e = entry(runId);
        e.result = toJson("result", result);
        e.finishedAtMillis = System.currentTimeMillis();
        e.status = RunStatus.FINISHED;
        e.stopWatching = true;
    }

    @Override
    public void runFailed(String runId, String error) {
        Entry e = entry(runId);
        e.error = error == null ? "failed" : error;
        e.finishedAtMillis = System.currentTimeMillis();
        e.status = RunStatus.FAILED;
        e.stopWatching = true;
    }

    @Override
    public void inventoryUpdated(String runId, Map<String, ?> inventory) {
        entry(runId).inventory = toJson("inventory", inventory);
    }

    /** @throws IllegalArgumentException when the report does not lie under the served report folder */
    @Override
    public void reportWritten(String runId, Path report) {
        Entry e = entry(runId);
        if (options.reportDir() == null || report == null) {
            return;
        }
        Path base = options.reportDir().toAbsolutePath().normalize();
        Path file = report.toAbsolutePath().normalize();
        if (!file.startsWith(base)) {
            throw new IllegalArgumentException("report must lie under " + base + " to be served but is " + file);
        }
        e.reportHref = "/reports/" + base.relativize(file).toString().replace('\\', '/');
    }

    /** All runs in start order. */
    List<RunView> runs() {
        return entries().stream().map(Entry::view).toList();
    }

    Optional<RunView> run(String id) {
        synchronized (runs) {
            Entry e = runs.get(id);
            return Optional.ofNullable(e == null ? null : e.view());
        }
    }

    String knownRunIds() {
        synchronized (runs) {
            return runs.isEmpty() ? "(none)" : String.join(", ", runs.keySet());
        }
    }

    /**
     * Polls every watched topic once, until {@code closed} says stop. A finished run is polled one last time (the
     * final offsets) and then keeps that picture.
     */
    void pollAll(BooleanSupplier closed) {
        for (Entry e : entries()) {
            if (closed.getAsBoolean()) {
                return;
            }
            if (e.watcher != null) {
                e.snapshot = e.watcher.poll();
                if (e.stopWatching) {
                    e.watcher.close();
                    e.watcher = null;
                }
            }
        }
    }

    /** Closes every watcher still open. */
    void closeWatchers() {
        for (Entry e : entries()) {
            if (e.watcher != null) {
                e.watcher.close();
                e.watcher = null;
            }
        }
    }

    private String nextId() {
        return "run-" + runCounter.incrementAndGet();
    }

    private String add(Entry entry) {
        synchronized (runs) {
            runs.put(entry.id, entry);
        }
        return entry.id;
    }

    private List<Entry> entries() {
        synchronized (runs) {
            return new ArrayList<>(runs.values());
        }
    }

    private Entry entry(String runId) {
        synchronized (runs) {
            Entry e = runs.get(runId);
            if (e == null) {
                throw new IllegalArgumentException("no run '" + runId + "'; known runs: " + knownRunIds());
            }
            return e;
        }
    }

    private JsonNode toJson(String what, Map<String, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException(what + " must be a map but got null");
        }
        try {
            return json.valueToTree(map);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not JSON-serializable: " + TopicWatcher.oneLine(e), e);
        }
    }

    private static final class Entry {
        final String id;
        final RunInfo info;
        final long startedAtMillis = System.currentTimeMillis();
        volatile RunStatus status;
        volatile TopicWatcher watcher;
        volatile TopicSnapshot snapshot;
        volatile boolean stopWatching;
        volatile Long finishedAtMillis;
        volatile String error;
        volatile String reportHref;
        volatile JsonNode result;
        volatile JsonNode inventory;

        Entry(String id, RunInfo info, RunStatus status) {
            this.id = id;
            this.info = info;
            this.status = status;
        }

        RunView view() {
            return new RunView(id, info.label(), status, info.topic(), info.group(), info.params(), startedAtMillis,
                    finishedAtMillis, error, "/api/runs/" + id, reportHref, snapshot, result, inventory);
        }
    }
}
