package dev.hotkeylab.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's sections made from what other tools measured ({@link Artifacts}): the Parallel Consumer comparison,
 * the JMH per-record costs, and the dashboard screenshot from the browser test. Each appears only when its file was
 * in the report folder.
 */
final class ExtraSections {

    /** A titled section: a paragraph, then a table or an image or both. */
    record Section(String id, String title, String text, TextTable table, String image) {
    }

    private ExtraSections() {
    }

    static List<Section> of(RunReport report) {
        List<Section> out = new ArrayList<>();
        if (report.sections().get("parallelConsumer") instanceof JsonNode pc && pc.has("runs")) {
            TextTable t = new TextTable("run", "records/s", "handlers at once", "out of order: concert / user");
            for (JsonNode r : pc.get("runs")) {
                t.row(r.path("run").asText(), fmt("%.0f", r.path("throughputPerSecond").asDouble()),
                        r.has("maxInFlight") ? r.path("maxInFlight").asText() : "-",
                        r.path("orderingViolationsPerConcert").asText() + " / "
                                + r.path("orderingViolationsPerUser").asText());
            }
            out.add(new Section("parallel-consumer", "The alternative: concurrency inside one partition",
                    String.format(Locale.ROOT, "Confluent's Parallel Consumer on the fixed-key topic against salting, "
                            + "at the same concurrency (%d) and service time (%.1f ms), %d requests from %d users "
                            + "(measured by ParallelConsumerComparisonTest). With one hot key, KEY mode processes one "
                            + "record at a time; UNORDERED is concurrent without touching the producer.",
                            pc.path("concurrency").asInt(), pc.path("serviceTimeMillis").asDouble(),
                            pc.path("messages").asInt(), pc.path("users").asInt()), t, null));
        }
        if (report.sections().get("jmh") instanceof JsonNode jmh && jmh.isArray() && !jmh.isEmpty()) {
            TextTable t = new TextTable("benchmark", "score", "error (99.9 %)", "unit");
            for (JsonNode b : jmh) {
                String name = b.path("benchmark").asText().replaceFirst("^dev\\.hotkeylab\\.bench\\.", "");
                if (b.has("params")) {
                    name += " " + b.get("params").toString().replace("\"", "");
                }
                JsonNode m = b.path("primaryMetric");
                t.row(name, fmt("%.1f", m.path("score").asDouble()), fmt("± %.1f", m.path("scoreError").asDouble()),
                        m.path("scoreUnit").asText());
            }
            out.add(new Section("jmh", "Per-record cost (JMH)", "From mvn -Pbench test-compile exec:exec (JMH's "
                    + "JSON in jmh-results.json). Targets: under 100 ns per record for a strategy, under 200 ns for a "
                    + "detector update.", t, null));
        }
        if (report.sections().get("dashboardScreenshot") instanceof String png) {
            out.add(new Section("dashboard", "The dashboard", "Taken in headless Chromium by DashboardBrowserTest: "
                    + "the fixed key floods partition 2 while two partitions and two consumers idle; partition-aware "
                    + "salting keeps three consumers busy; a key written as HTML shows as text.", null, png));
        }
        return out;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
