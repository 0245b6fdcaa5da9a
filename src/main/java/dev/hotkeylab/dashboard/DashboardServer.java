package dev.hotkeylab.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hotkeylab.keys.Strategy;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The live dashboard: a Javalin server in the experiment's JVM that polls each watched topic and group
 * ({@link TopicWatcher}) every {@link DashboardOptions#pollInterval()}, pushes the whole state to every open page by
 * Server-Sent Events, answers the same figures as JSON under {@code /api/...} (see docs/dashboard-api.md), and starts
 * runs from the page's form through an injected {@link RunLauncher}. Runs report to it through {@link RunPublisher}.
 *
 * <p>Chart.js comes from its webjar inside the jar, so the page works with no internet. Owns a port and threads:
 * close it.
 */
public final class DashboardServer implements RunPublisher, AutoCloseable {

    private static final String CHART_JS_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    /** Defence in depth behind textContent-only rendering: no inline script, nothing loaded from elsewhere. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final String ERROR_WRITTEN = "hotkey.error-written";

    private final DashboardOptions options;
    private final RunLauncher launcher;
    private final ObjectMapper json;
    private final Javalin app;
    private final ScheduledExecutorService poller;
    private final Map<String, Entry> runs = new LinkedHashMap<>();
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger runCounter = new AtomicInteger();
    private final String chartJsResource;
    private final long startedAtMillis = System.currentTimeMillis();
    private volatile boolean closed;

    private DashboardServer(DashboardOptions options, RunLauncher launcher) {
        this.options = options;
        this.launcher = launcher;
        this.json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.chartJsResource = chartJsResource();
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard";
                files.location = Location.CLASSPATH;
            });
        });
        routes();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotkey-dashboard-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the server and its poller.
     *
     * @param launcher starts runs asked for by the page's form, or null for a dashboard that only watches
     * @throws PortInUseException       when the port is taken
     * @throws IllegalArgumentException when the host is not an address of this machine
     */
    public static DashboardServer start(DashboardOptions options, RunLauncher launcher) {
        DashboardServer server = new DashboardServer(options, launcher);
        try {
            server.app.start(options.host(), options.port());
        } catch (JavalinBindException e) {
            server.app.stop();
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            if (cause instanceof BindException && why.toLowerCase(Locale.ROOT).contains("in use")) {
                throw new PortInUseException(options.host(), options.port(), e);
            }
            throw new IllegalArgumentException("cannot listen on " + options.host() + ":" + options.port() + ": " + why, e);
        } catch (RuntimeException e) {
            server.app.stop();
            throw e;
        }
        long every = options.pollInterval().toMillis();
        server.poller.scheduleWithFixedDelay(server::tick, every, every, TimeUnit.MILLISECONDS);
        return server;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port() + "/";
    }

    // ---------------------------------------------------------------- RunPublisher

    @Override
    public String runStarted(RunInfo run) {
        String id = "run-" + runCounter.incrementAndGet();
        Entry entry = new Entry(id, run, RunStatus.RUNNING);
        if (run.watched()) {
            entry.watcher = new TopicWatcher(run.clientConfig(), run.topic(), run.group(), options.adminTimeout());
            // A first poll before any consumer commits is the baseline the processed-per-consumer figures start from.
            entry.snapshot = entry.watcher.poll();
        }
        synchronized (runs) {
            runs.put(id, entry);
        }
        return id;
    }

    /** Watches an existing topic (and group) that this process does not run, e.g. from {@code hotkey-lab dashboard}. */
    public String watch(String label, String topic, String group, Map<String, Object> clientConfig) {
        String id = "run-" + runCounter.incrementAndGet();
        Entry entry = new Entry(id, new RunInfo(label, topic, group, clientConfig, Map.of()), RunStatus.WATCHING);
        entry.watcher = new TopicWatcher(clientConfig, topic, group, options.adminTimeout());
        entry.snapshot = entry.watcher.poll();
        synchronized (runs) {
            runs.put(id, entry);
        }
        return id;
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

    // ---------------------------------------------------------------- views

    /** All runs in start order. */
    public List<RunView> runs() {
        List<Entry> entries;
        synchronized (runs) {
            entries = new ArrayList<>(runs.values());
        }
        return entries.stream().map(Entry::view).toList();
    }

    public Optional<RunView> run(String id) {
        synchronized (runs) {
            Entry e = runs.get(id);
            return Optional.ofNullable(e == null ? null : e.view());
        }
    }

    /** Everything the page shows; the payload of {@code GET /api/state} and of each SSE {@code state} event. */
    public Map<String, Object> state() {
        List<RunView> all = runs();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("generatedAtMillis", System.currentTimeMillis());
        s.put("startedAtMillis", startedAtMillis);
        s.put("canLaunch", launcher != null);
        s.put("runs", all);
        s.put("results", results(all));
        s.put("inventory", inventories(all));
        return s;
    }

    private static List<Map<String, Object>> results(List<RunView> all) {
        // In start order, so the bad run and the good one stay side by side however they finish.
        return all.stream().filter(r -> r.result() != null)
                .map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("runId", r.id());
                    row.put("label", r.label());
                    row.put("finishedAtMillis", r.finishedAtMillis());
                    row.put("result", r.result());
                    return row;
                }).toList();
    }

    private static List<Map<String, Object>> inventories(List<RunView> all) {
        return all.stream().filter(r -> r.inventory() != null).map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("runId", r.id());
            row.put("label", r.label());
            row.put("inventory", r.inventory());
            return row;
        }).toList();
    }

    // ---------------------------------------------------------------- polling and push

    private void tick() {
        try {
            List<Entry> entries;
            synchronized (runs) {
                entries = new ArrayList<>(runs.values());
            }
            for (Entry e : entries) {
                if (closed) {
                    return;
                }
                if (e.watcher != null) {
                    e.snapshot = e.watcher.poll();
                    if (e.stopWatching) {
                        // The poll above saw the final offsets; a finished run keeps that picture.
                        e.watcher.close();
                        e.watcher = null;
                    }
                }
            }
            broadcast();
        } catch (RuntimeException e) {
            // The poller must survive anything one poll throws; the snapshot already carries broker errors.
            org.slf4j.LoggerFactory.getLogger(DashboardServer.class).warn("dashboard poll failed: {}", e.toString());
        }
    }

    private void broadcast() {
        if (clients.isEmpty()) {
            return;
        }
        String payload = stateJson();
        for (Iterator<SseClient> it = clients.iterator(); it.hasNext(); ) {
            SseClient c = it.next();
            if (c.terminated()) {
                it.remove();
            } else {
                c.sendEvent("state", payload);
            }
        }
    }

    private String stateJson() {
        try {
            return json.writeValueAsString(state());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize dashboard state: " + e.getOriginalMessage(), e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void routes() {
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            String host = ctx.header("Host");
            if (!HostCheck.allowed(options.host(), port(), host)) {
                // DNS rebinding: a page from another origin that resolves its own name to this address would send its
                // own name here. Only the address the dashboard listens on is answered.
                error(ctx, HttpStatus.FORBIDDEN, "Host '" + host + "' is not this dashboard's address; use "
                        + url());
                ctx.skipRemainingHandlers();
            }
        });
        app.get("/api/state", ctx -> ctx.json(state()));
        app.get("/api/runs", ctx -> ctx.json(runs().stream().map(RunView::summary).toList()));
        app.get("/api/runs/{id}", ctx -> {
            String id = ctx.pathParam("id");
            Optional<RunView> run = run(id);
            if (run.isPresent()) {
                ctx.json(run.get());
            } else {
                error(ctx, HttpStatus.NOT_FOUND, "no run '" + id + "'; known runs: " + knownRunIds());
            }
        });
        app.post("/api/runs", this::launch);
        app.get("/api/results", ctx -> ctx.json(results(runs())));
        app.get("/api/inventory", ctx -> ctx.json(inventories(runs())));
        app.get("/api/strategies", ctx -> ctx.json(Arrays.stream(Strategy.values()).map(s -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.description());
            return m;
        }).toList()));
        app.sse("/api/events", client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            client.sendEvent("state", stateJson());
            clients.add(client);
        });
        app.get("/vendor/chart.umd.min.js", ctx -> {
            InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(chartJsResource);
            ctx.contentType("text/javascript; charset=utf-8");
            ctx.header("Cache-Control", "max-age=3600");
            ctx.result(in);
        });
        app.get("/reports/<path>", this::report);
        app.exception(Exception.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error: " + TopicWatcher.oneLine(e)));
        app.error(404, ctx -> {
            // Runs after every 404; only answer for unknown /api/ paths, not for a handler's own 404.
            if (ctx.path().startsWith("/api/") && ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, HttpStatus.NOT_FOUND, "no endpoint " + ctx.method() + " " + ctx.path() + "; see docs/dashboard-api.md");
            }
        });
    }

    private void launch(Context ctx) {
        if (launcher == null) {
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "this dashboard only watches; it was started without a run launcher");
            return;
        }
        // JSON only: a cross-site form cannot send it without a CORS preflight this server never grants.
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "POST /api/runs takes a JSON object with Content-Type "
                    + "application/json but got '" + (ctx.contentType() == null ? "" : ctx.contentType()) + "'");
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JsonNode body = json.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("request body must be a JSON object like {\"strategy\": \"FIXED_KEY\"} "
                        + "but got " + (body == null ? "nothing" : body.getNodeType().name().toLowerCase(Locale.ROOT)));
            }
            for (Map.Entry<String, JsonNode> f : body.properties()) {
                JsonNode v = f.getValue();
                if (v.isNull()) {
                    continue;
                }
                if (!v.isValueNode()) {
                    throw new IllegalArgumentException("parameter '" + f.getKey() + "' must be a string or a number but got "
                            + v.getNodeType().name().toLowerCase(Locale.ROOT));
                }
                params.put(f.getKey(), v.asText());
            }
            RunRequest request = RunRequest.fromParams(params);
            String id = launcher.launch(request, this);
            Map<String, String> created = new LinkedHashMap<>();
            created.put("id", id);
            created.put("href", "/api/runs/" + id);
            ctx.status(HttpStatus.CREATED).header("Location", "/api/runs/" + id).json(created);
        } catch (JsonProcessingException e) {
            error(ctx, HttpStatus.BAD_REQUEST, "request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (TooManyRunsException e) {
            error(ctx, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        } catch (IllegalStateException e) {
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private void report(Context ctx) throws IOException {
        if (options.reportDir() == null) {
            error(ctx, HttpStatus.NOT_FOUND, "this dashboard serves no reports");
            return;
        }
        Path base = options.reportDir().toAbsolutePath().normalize();
        Path file = base.resolve(ctx.pathParam("path")).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
            error(ctx, HttpStatus.NOT_FOUND, "no report file '" + ctx.pathParam("path") + "'");
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".json") ? "application/json"
                : name.endsWith(".png") ? "image/png"
                : name.endsWith(".svg") ? "image/svg+xml"
                : "text/plain; charset=utf-8";
        ctx.contentType(type).result(Files.newInputStream(file));
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(Map.of("error", message));
    }

    private String knownRunIds() {
        synchronized (runs) {
            return runs.isEmpty() ? "(none)" : String.join(", ", runs.keySet());
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

    private static String chartJsResource() {
        Properties p = new Properties();
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(CHART_JS_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js webjar missing from the classpath (" + CHART_JS_PROPERTIES + ")");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + CHART_JS_PROPERTIES, e);
        }
        String path = "META-INF/resources/webjars/chart.js/" + p.getProperty("version") + "/dist/chart.umd.min.js";
        if (DashboardServer.class.getClassLoader().getResource(path) == null) {
            throw new IllegalStateException("Chart.js webjar has no " + path);
        }
        return path;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        poller.shutdownNow();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.forEach(SseClient::close);
        clients.clear();
        app.stop();
        List<Entry> entries;
        synchronized (runs) {
            entries = new ArrayList<>(runs.values());
        }
        for (Entry e : entries) {
            if (e.watcher != null) {
                e.watcher.close();
                e.watcher = null;
            }
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

    @Override
    public String toString() {
        return "DashboardServer[" + url() + ", runs=" + runs().stream().map(RunView::id).collect(Collectors.joining(",")) + "]";
    }
}
