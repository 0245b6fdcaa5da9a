package dev.hotkeylab.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The files the dashboard serves besides its page: the report folder under {@code /reports/} (nothing outside it:
 * a path that normalizes out of the folder is a 404) and Chart.js from its webjar inside the jar, so the page works
 * with no internet.
 */
final class ReportFiles {

    private static final String CHART_JS_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private final Path reportDir;
    private final String chartJsResource;

    /**
     * @param reportDir the folder served under {@code /reports/}, or null to serve none
     * @throws IllegalStateException when the Chart.js webjar is missing from the classpath
     */
    ReportFiles(Path reportDir) {
        this.reportDir = reportDir;
        this.chartJsResource = chartJsResource();
    }

    void routes(Javalin app) {
        app.get("/vendor/chart.umd.min.js", ctx -> {
            InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(chartJsResource);
            ctx.contentType("text/javascript; charset=utf-8");
            ctx.header("Cache-Control", "max-age=3600");
            ctx.result(in);
        });
        app.get("/reports/<path>", this::report);
    }

    private void report(Context ctx) throws IOException {
        if (reportDir == null) {
            DashboardApi.error(ctx, HttpStatus.NOT_FOUND, "this dashboard serves no reports");
            return;
        }
        Path base = reportDir.toAbsolutePath().normalize();
        Path file = base.resolve(ctx.pathParam("path")).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
            DashboardApi.error(ctx, HttpStatus.NOT_FOUND, "no report file '" + ctx.pathParam("path") + "'");
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

    private static String chartJsResource() {
        Properties p = new Properties();
        try (InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(CHART_JS_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js webjar missing from the classpath (" + CHART_JS_PROPERTIES + ")");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + CHART_JS_PROPERTIES, e);
        }
        String path = "META-INF/resources/webjars/chart.js/" + p.getProperty("version") + "/dist/chart.umd.min.js";
        if (ReportFiles.class.getClassLoader().getResource(path) == null) {
            throw new IllegalStateException("Chart.js webjar has no " + path);
        }
        return path;
    }
}
