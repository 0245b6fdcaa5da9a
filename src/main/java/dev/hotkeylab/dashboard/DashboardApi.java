package dev.hotkeylab.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.keys.Strategy;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's JSON API under {@code /api/} (docs/dashboard-api.md): the state, the runs, the results, the
 * inventory figures, the strategies, the live feed's stream, and {@code POST /api/runs}, which validates the page's
 * form ({@link RunRequest}) and starts a run through the {@link RunLauncher}. Every error is {@code {"error": "..."}}
 * with one line naming the bad value.
 */
final class DashboardApi {

    /** Set on a request whose error body is written, so the 404 handler leaves it alone. */
    static final String ERROR_WRITTEN = "hotkey.error-written";

    private final RunRegistry registry;
    private final RunLauncher launcher;
    private final ObjectMapper json;
    private final long startedAtMillis = System.currentTimeMillis();

    /**
     * @param registry what the API reads, and what the runs it launches report to
     * @param launcher starts the form's runs, or null for a dashboard that only watches
     */
    DashboardApi(RunRegistry registry, RunLauncher launcher, ObjectMapper json) {
        this.registry = registry;
        this.launcher = launcher;
        this.json = json;
    }

    void routes(Javalin app, LiveFeed feed) {
        app.get("/api/state", ctx -> ctx.json(state()));
        app.get("/api/runs", ctx -> ctx.json(registry.runs().stream().map(RunView::summary).toList()));
        app.get("/api/runs/{id}", ctx -> {
            String id = ctx.pathParam("id");
            Optional<RunView> run = registry.run(id);
            if (run.isPresent()) {
                ctx.json(run.get());
            } else {
                error(ctx, HttpStatus.NOT_FOUND, "no run '" + id + "'; known runs: " + registry.knownRunIds());
            }
        });
        app.post("/api/runs", this::launch);
        app.get("/api/results", ctx -> ctx.json(results(registry.runs())));
        app.get("/api/inventory", ctx -> ctx.json(inventories(registry.runs())));
        app.get("/api/strategies", ctx -> ctx.json(Arrays.stream(Strategy.values()).map(Strategy::describe).toList()));
        app.sse("/api/events", feed::connect);
    }

    /** Everything the page shows; the payload of {@code GET /api/state} and of each SSE {@code state} event. */
    Map<String, Object> state() {
        List<RunView> all = registry.runs();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("generatedAtMillis", System.currentTimeMillis());
        s.put("startedAtMillis", startedAtMillis);
        s.put("canLaunch", launcher != null);
        // The one "uneven" bar (metrics.Skew), so the page judges max/mean as the claims and whatif do.
        s.put("unevenMaxOverMean", dev.hotkeylab.metrics.Skew.UNEVEN_MAX_OVER_MEAN);
        s.put("runs", all);
        s.put("results", results(all));
        s.put("inventory", inventories(all));
        return s;
    }

    String stateJson() {
        try {
            return json.writeValueAsString(state());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize dashboard state: " + e.getOriginalMessage(), e);
        }
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
        try {
            RunRequest request = RunRequest.fromParams(params(json.readTree(ctx.body())));
            String id = launcher.launch(request, registry);
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

    /** The form's fields as text; null values left out. */
    private static Map<String, String> params(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("request body must be a JSON object like {\"strategy\": \"FIXED_KEY\"} "
                    + "but got " + (body == null ? "nothing" : body.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        Map<String, String> params = new LinkedHashMap<>();
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
        return params;
    }

    /** Writes {@code {"error": message}} with {@code status}. */
    static void error(Context ctx, HttpStatus status, String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(Map.of("error", message));
    }
}
