package dev.hotkeylab.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.net.BindException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The live dashboard: a Javalin server in the experiment's JVM. It wires four parts together: the
 * {@link RunRegistry} (what each run reported, and each watched topic's {@link TopicWatcher}), the {@link LiveFeed}
 * (polls every {@link DashboardOptions#pollInterval()} and pushes the whole state to every open page by Server-Sent
 * Events), the {@link DashboardApi} (the same figures as JSON under {@code /api/...}, see docs/dashboard-api.md, and
 * runs started from the page's form through an injected {@link RunLauncher}) and the {@link ReportFiles}. Runs report
 * to its {@link #publisher()}. Every answer carries a CSP, and only the address it listens on is answered
 * ({@link HostCheck}).
 *
 * <p>Owns a port and threads: close it.
 */
public final class DashboardServer implements AutoCloseable {

    /** Defence in depth behind textContent-only rendering: no inline script, nothing loaded from elsewhere. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final DashboardOptions options;
    private final RunRegistry registry;
    private final DashboardApi api;
    private final LiveFeed feed;
    private final Javalin app;
    private volatile boolean closed;

    private DashboardServer(DashboardOptions options, RunLauncher launcher) {
        this.options = options;
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.registry = new RunRegistry(options, json);
        this.api = new DashboardApi(registry, launcher, json);
        this.feed = new LiveFeed(options.pollInterval(), registry::pollAll, api::stateJson);
        ReportFiles files = new ReportFiles(options.reportDir());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(staticFiles -> {
                staticFiles.hostedPath = "/";
                staticFiles.directory = "/dashboard";
                staticFiles.location = Location.CLASSPATH;
            });
        });
        guards();
        api.routes(app, feed);
        files.routes(app);
        app.exception(Exception.class, (e, ctx) -> DashboardApi.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error: " + TopicWatcher.oneLine(e)));
        app.error(404, ctx -> {
            // Runs after every 404; only answer for unknown /api/ paths, not for a handler's own 404.
            if (ctx.path().startsWith("/api/") && ctx.attribute(DashboardApi.ERROR_WRITTEN) == null) {
                DashboardApi.error(ctx, HttpStatus.NOT_FOUND, "no endpoint " + ctx.method() + " " + ctx.path()
                        + "; see docs/dashboard-api.md");
            }
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
        server.feed.start();
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

    /** Security headers on every answer, and the DNS-rebinding guard. */
    private void guards() {
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            String host = ctx.header("Host");
            if (!HostCheck.allowed(options.host(), port(), host)) {
                // DNS rebinding: a page from another origin that resolves its own name to this address would send its
                // own name here. Only the address the dashboard listens on is answered.
                DashboardApi.error(ctx, HttpStatus.FORBIDDEN, "Host '" + host + "' is not this dashboard's address; use "
                        + url());
                ctx.skipRemainingHandlers();
            }
        });
    }

    // ---------------------------------------------------------------- runs

    /**
     * Where this process's runs report (start, result, failure, inventory, report file): the registry the page and
     * the API read. A run that is not shown on a dashboard has no publisher.
     */
    public RunPublisher publisher() {
        return registry;
    }

    /** Watches an existing topic (and group) that this process does not run, e.g. from {@code hotkey-lab dashboard}. */
    public String watch(String label, String topic, String group, Map<String, Object> clientConfig) {
        return registry.watch(label, topic, group, clientConfig);
    }

    // ---------------------------------------------------------------- views

    /** All runs in start order. */
    public List<RunView> runs() {
        return registry.runs();
    }

    public Optional<RunView> run(String id) {
        return registry.run(id);
    }

    /** Everything the page shows; the payload of {@code GET /api/state} and of each SSE {@code state} event. */
    public Map<String, Object> state() {
        return api.state();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        feed.close();
        app.stop();
        registry.closeWatchers();
    }

    @Override
    public String toString() {
        return "DashboardServer[" + url() + ", runs=" + runs().stream().map(RunView::id).collect(Collectors.joining(",")) + "]";
    }
}
