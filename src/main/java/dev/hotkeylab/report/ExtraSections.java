package dev.hotkeylab.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotkeylab.experiment.BrokerTraffic;
import dev.hotkeylab.experiment.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's sections made from what other tools measured ({@link Artifacts}): the cross-client placement, the
 * Parallel Consumer comparison and the JMH per-record costs. Each appears only when its file was in the report folder,
 * and each says which tool measured it and when: these are never this run's verdicts.
 */
final class ExtraSections {

    /** A titled section: a paragraph, then a table or an image or both. */
    record Section(String id, String title, String text, TextTable table, String image) {
    }

    private ExtraSections() {
    }

    /**
     * Each broker's bytes in and out per second and network idle over each run, when the run measured more than one
     * broker: the hot partition's leader against the others.
     */
    static Section brokers(RunReport report) {
        List<ExperimentResult> runs = report.experiments().stream()
                .filter(r -> r.brokerTraffic().perBroker().size() > 1).toList();
        if (runs.isEmpty()) {
            return null;
        }
        TextTable t = new TextTable("run", "broker", "records led", "bytes in/s", "bytes out/s", "share of bytes in",
                "network idle");
        java.util.Set<String> sources = new java.util.LinkedHashSet<>();
        java.util.Set<String> records = new java.util.LinkedHashSet<>();
        for (var r : runs) {
            var traffic = r.brokerTraffic();
            sources.add(traffic.source());
            records.add(traffic.records() + (traffic.recordsDeleted() > 0 ? " (" + traffic.recordsDeleted()
                    + " deleted during " + r.setup().strategy() + ")" : ""));
            double totalIn = traffic.perBroker().values().stream()
                    .mapToDouble(BrokerTraffic.Rates::bytesInPerSecond).sum();
            traffic.perBroker().forEach((broker, rates) -> t.row(r.setup().strategy() + " (" + r.groupType() + ")",
                    "b" + broker, String.valueOf(r.leaderLoad().leaderRecordsByBroker().getOrDefault(broker, 0L)),
                    fmt("%.2f MB", rates.bytesInPerSecond() / 1e6),
                    rates.bytesOutPerSecond() < 0 ? "-" : fmt("%.2f MB", rates.bytesOutPerSecond() / 1e6),
                    fmt("%.1f %%", totalIn <= 0 ? 0 : 100 * rates.bytesInPerSecond() / totalIn),
                    rates.networkIdle() < 0 ? "-" : fmt("%.1f %%", 100 * rates.networkIdle())));
        }
        return new Section("brokers", "Load per broker", "What each broker received and sent per second from the "
                + "first send to the end of consuming (MB = 10^6 bytes), from " + String.join("; ", sources)
                + ". Bytes in are produce and fetch requests; bytes out are fetch responses to consumers and to the "
                + "followers that replicate the leader. A fixed key puts all of it on the hot partition's leader. "
                + "Records: " + String.join("; ", records) + ".", t, null);
    }

    static List<Section> of(RunReport report) {
        List<Section> out = new ArrayList<>();
        Section brokers = brokers(report);
        if (brokers != null) {
            out.add(brokers);
        }
        List<ClaimsChecked.Claim> clients = ClaimsChecked.perClient(report.sections().get("clients"));
        if (!clients.isEmpty()) {
            out.add(new Section("clients", "Salted keys with real clients", measuredBy(report, "clients")
                    + "Each client produced the seed's salted keys itself; the partitions are read back from the "
                    + "broker.", ClaimsChecked.table(clients.stream().map(c -> c.from(
                            measuredByShort(report, "clients"))).toList()), null));
        }
        if (report.sections().get("parallelConsumer") instanceof JsonNode pc && pc.has("runs")) {
            TextTable t = new TextTable("run", "records/s", "handlers at once", "out of order: concert / user");
            for (JsonNode r : pc.get("runs")) {
                t.row(r.path("run").asText(), fmt("%.0f", r.path("throughputPerSecond").asDouble()),
                        r.has("maxInFlight") ? r.path("maxInFlight").asText() : "-",
                        r.path("orderingViolationsPerConcert").asText() + " / "
                                + r.path("orderingViolationsPerUser").asText());
            }
            out.add(new Section("parallel-consumer", "The alternative: concurrency inside one partition",
                    measuredBy(report, "parallelConsumer") + String.format(Locale.ROOT, "Confluent's Parallel Consumer on the fixed-key topic against salting, "
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
            out.add(new Section("jmh", "Per-record cost (JMH)", measuredBy(report, "jmh") + "JMH's JSON is in "
                    + "jmh-results.json. Targets: under 100 ns per record for a strategy, under 200 ns for a "
                    + "detector update.", t, null));
        }
        if (report.sections().get(PERF) instanceof JsonNode perf && perf.has("producerRatio")) {
            TextTable t = new TextTable("measure", "records/s", "against", "ratio", "goal");
            t.row("harness end to end (PARTITION_AWARE_SALT, 3 consumers)",
                    fmt("%.0f", perf.path("harnessPerSecond").asDouble()),
                    fmt("ProducerPerformance %.0f", perf.path("producerPerformancePerSecond").asDouble()),
                    fmt("%.2fx", perf.path("producerRatio").asDouble()), "0.8x");
            t.row("one harness consumer, FIXED_KEY's filled partition",
                    fmt("%.0f", perf.path("harnessConsumerPerSecond").asDouble()),
                    fmt("ConsumerPerformance %.0f (fetch)", perf.path("consumerPerformanceFetchPerSecond").asDouble()),
                    fmt("%.2fx", perf.path("consumerRatio").asDouble()), "0.5x");
            t.row("FIXED_KEY end to end (one busy consumer)",
                    fmt("%.0f", perf.path("harnessFixedKeyPerSecond").asDouble()), "-", "-", "-");
            out.add(new Section(PERF, "The harness beside Kafka's own tools", fmt("Measured by bench --perf: %d "
                    + "records of %d B each on one backend in one run (%s, %d broker(s), Kafka %s), the harness at "
                    + "service time 0 with commits: %s.", perf.path("messages").asInt(), perf.path("recordSize").asInt(),
                    perf.path("backend").asText(), perf.path("brokers").asInt(), perf.path("kafkaVersion").asText(), perf.path("commits").asText()), t, null));
        }
        return out;
    }

    /** The section {@code bench --perf} writes: the harness beside ProducerPerformance and ConsumerPerformance. */
    static final String PERF = "perf";

    /** "Measured by TOOL at TIME, not by this run. " from the provenance {@link Artifacts} recorded. */
    private static String measuredBy(RunReport report, String section) {
        return "Measured by " + measuredByShort(report, section) + ", not by this run. ";
    }

    private static String measuredByShort(RunReport report, String section) {
        Object all = report.sections().get(Artifacts.PROVENANCE);
        String tool = Artifacts.TOOLS.getOrDefault(section, section);
        String when = null;
        if (all instanceof java.util.Map<?, ?> map && map.get(section) instanceof java.util.Map<?, ?> p) {
            when = String.valueOf(p.get("measuredAt"));
        } else if (all instanceof JsonNode json && json.has(section)) {
            when = json.get(section).path("measuredAt").asText(null);
        }
        return tool + (when == null ? "" : " at " + when);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
