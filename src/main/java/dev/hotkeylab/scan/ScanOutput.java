package dev.hotkeylab.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hotkeylab.metrics.PartitionLag;
import dev.hotkeylab.whatif.KeyBytes;
import dev.hotkeylab.whatif.KeyCounts;
import dev.hotkeylab.whatif.StrategyPrediction;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Renders a scan for people (text), for programs ({@code scan.json}), for {@code whatif --key-file}
 * ({@code keys.csv}) and for a glance ({@code scan.png}: records per partition, the hottest key's records apart).
 */
public final class ScanOutput {

    /** Top keys shown and written to {@code scan.json}. */
    public static final int TOP_KEYS = 10;
    /** Hot keys the "what to do" section explains one by one. */
    public static final int ADVISED_KEYS = 3;

    private ScanOutput() {
    }

    /** The top keys, hottest first. */
    public static List<KeyTally.Entry> topKeys(ScanResult r) {
        List<KeyTally.Entry> all = r.tally().entries();
        return all.subList(0, Math.min(TOP_KEYS, all.size()));
    }

    /**
     * The hot keys among the top keys: each carries at least half a partition's fair share of the records read
     * ({@code 1 / (2 P)}), enough to make its partition stand out on its own.
     */
    public static List<KeyTally.Entry> hotKeys(ScanResult r) {
        double least = r.recordsRead() / (2.0 * r.partitions().size());
        return topKeys(r).stream().filter(e -> e.count() >= least).toList();
    }

    /**
     * Writes {@code keys.csv} in the what-if key-file format: {@code key,count} with every field quoted, {@code \N}
     * unquoted for the null key, {@code ""} for the empty key; when any key is not UTF-8 text, the header is
     * {@code key_hex,count} and every key is hex. {@link KeyCounts#fromCsv} reads it back byte for byte.
     */
    public static void writeKeys(Path file, ScanResult r) throws IOException {
        KeyTally t = r.tally();
        List<KeyTally.Entry> entries = t.entries();
        boolean hex = entries.stream().anyMatch(e -> utf8(e.key()) == null);
        CSVFormat format = CSVFormat.RFC4180.builder().setNullString(KeyCounts.NULL_MARKER)
                .setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, format)) {
            csv.printRecord(hex ? "key_hex" : "key", "count");
            for (KeyTally.Entry e : entries) {
                csv.printRecord(hex ? HexFormat.of().formatHex(e.key()) : utf8(e.key()), Long.toString(e.count()));
            }
            if (t.emptyKeys() > 0) {
                csv.printRecord("", Long.toString(t.emptyKeys()));
            }
            if (t.nullKeys() > 0) {
                csv.printRecord(null, Long.toString(t.nullKeys()));
            }
        }
    }

    /** The key counts as the what-if model takes them (null and empty keys included); null with no record read. */
    public static KeyCounts keyCounts(ScanResult r) {
        KeyTally t = r.tally();
        List<byte[]> keys = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (KeyTally.Entry e : t.entries()) {
            keys.add(e.key());
            counts.add(e.count());
        }
        if (t.emptyKeys() > 0) {
            keys.add(new byte[0]);
            counts.add(t.emptyKeys());
        }
        if (t.nullKeys() > 0) {
            keys.add(null);
            counts.add(t.nullKeys());
        }
        if (keys.isEmpty()) {
            return null;
        }
        return KeyCounts.ofBytes(keys, counts.stream().mapToLong(Long::longValue).toArray(),
                "scan of " + r.config().topic());
    }

    /** The terminal report; {@code advice} may be null (nothing read). */
    public static String text(ScanResult r, ScanAdvice advice) {
        StringBuilder out = new StringBuilder();
        ScanConfig c = r.config();
        out.append(String.format(Locale.ROOT, "scan of '%s' on %s: %d partitions, %,d records (%s) read in %.1f s"
                        + " (%,.0f records/s), stopped: %s%s%n", c.topic(), c.bootstrap(), r.partitions().size(),
                r.recordsRead(), bytes(r.bytesRead()), r.elapsedMillis() / 1000.0, r.readRate(), r.stopReason(),
                r.complete() ? "" : " (partial: not every partition was read to its end)"));
        boolean group = r.lags() != null;
        out.append(String.format(Locale.ROOT, "%-9s %12s %12s %12s %11s%s%n", "partition", "records", "offsets",
                "bytes", "records/s", group ? String.format(Locale.ROOT, " %12s %12s", "committed", "lag") : ""));
        for (ScanResult.PartitionScan p : r.partitions()) {
            String lag = "";
            if (group) {
                PartitionLag l = r.lags().get(p.partition());
                lag = String.format(Locale.ROOT, " %12s %12s", l.noCommit() ? "no commit" : String.format(Locale.ROOT,
                        "%,d", l.committedOffset()), String.format(Locale.ROOT, "%,d", l.lag()));
            }
            Double rate = p.recordsPerSecond();
            out.append(String.format(Locale.ROOT, "p%-8d %,12d %,12d %12s %11s%s%n", p.partition(), p.records(),
                    p.offsets(), bytes(p.bytes()), rate == null ? "-" : String.format(Locale.ROOT, "%,.1f", rate),
                    lag));
        }
        out.append("  (records: what a read_committed consumer gets; offsets: log end - log start, transaction"
                + " markers and aborted records included; records/s: from the records' timestamps)")
                .append(System.lineSeparator());
        if (r.recordsRead() == 0) {
            out.append(String.format(Locale.ROOT, "no records read: %s%n", r.partitions().stream()
                    .allMatch(p -> p.lastStableOffset() == p.logStartOffset())
                    ? "the topic holds no committed records" : "nothing arrived while reading"));
        } else {
            out.append(String.format(Locale.ROOT, "max/mean %.2f (p%d hottest with %.1f %% of records), idle"
                            + " partitions: %s%n", r.skew().maxOverMean(), hottest(r),
                    100.0 * r.partitions().get(hottest(r)).records() / r.recordsRead(),
                    r.skew().idlePartitions().isEmpty() ? "none" : partitions(r.skew().idlePartitions())));
        }
        if (group) {
            List<Integer> noCommit = PartitionLag.noCommitPartitions(r.lags());
            boolean counted = r.lags().stream().allMatch(PartitionLag::counted);
            out.append(String.format(Locale.ROOT, "group '%s': total lag %,d %s%s%n", c.group(), r.totalLag(),
                    counted ? "records" : "(offsets where not every record was counted)",
                    noCommit.isEmpty() ? "" : "; no commit on " + partitions(noCommit)
                            + " (whole backlog counted)"));
        }
        KeyTally t = r.tally();
        out.append(String.format(Locale.ROOT, "keys: %,d distinct %s; null keys %,d%s, empty keys %,d%s%n",
                t.distinctKeys(), t.exact() ? String.format(Locale.ROOT, "(counted exactly; up to %,d distinct keys"
                        + " are)", t.exactKeysCap())
                        : String.format(Locale.ROOT, "tracked (over %,d distinct keys: Space-Saving with %,d counters,"
                        + " each count at most %,d = N/%,d too high, never too low)", t.exactKeysCap(), t.counters(),
                        t.errorBound(), t.counters()),
                t.nullKeys(), t.nullKeys() == 0 ? "" : " on " + partitions(t.nullKeyPartitions()),
                t.emptyKeys(), t.emptyKeys() == 0 ? "" : " on " + partitions(t.emptyKeyPartitions())));
        List<KeyTally.Entry> top = topKeys(r);
        if (!top.isEmpty()) {
            double span = r.timeSpanMillis() / 1000.0;
            out.append(String.format(Locale.ROOT, "top %d keys:%n  %-4s %-32s %12s %8s %9s %11s%n", top.size(), "#",
                    "key", "records", "share", "partition", "records/s"));
            int rank = 1;
            for (KeyTally.Entry e : top) {
                out.append(String.format(Locale.ROOT, "  %-4d %-32s %12s %7.1f%% %9s %11s%n", rank++,
                        abbreviate(KeyBytes.label(e.key())), e.error() == 0 ? String.format(Locale.ROOT, "%,d",
                                e.count()) : String.format(Locale.ROOT, "<=%,d", e.count()),
                        100.0 * e.count() / r.recordsRead(), where(e.partition()),
                        span <= 0 ? "-" : String.format(Locale.ROOT, "%,.1f", e.count() / span)));
            }
        }
        appendClients(out, r);
        if (advice != null) {
            appendAdvice(out, r, advice);
        }
        return out.toString();
    }

    private static void appendClients(StringBuilder out, ScanResult r) {
        List<ScanResult.ClientFit> fits = r.clientFits().stream().filter(f -> f.checked() > 0).toList();
        if (fits.isEmpty()) {
            return;
        }
        List<String> fitting = fits.stream().filter(ScanResult.ClientFit::fits).map(ScanResult.ClientFit::client)
                .toList();
        long checked = fits.stream().mapToLong(ScanResult.ClientFit::checked).max().orElse(0);
        if (fitting.isEmpty()) {
            ScanResult.ClientFit best = fits.stream().max(java.util.Comparator.comparingDouble(
                    f -> (double) f.agree() / f.checked())).orElseThrow();
            out.append(String.format(Locale.ROOT, "producing client: no known partitioner places every key where it"
                            + " was found; best %s (%,d of %,d keys); several producers, a custom partitioner or a"
                            + " partition count that changed%n", best.client(), best.agree(), best.checked()));
        } else {
            out.append(String.format(Locale.ROOT, "producing client: the keys sit where %s put them (%,d keys"
                    + " checked)%n", String.join(", ", fitting), checked));
        }
        String others = fits.stream().filter(f -> !f.fits()).map(f -> String.format(Locale.ROOT, "%s %,d/%,d",
                f.client(), f.agree(), f.checked())).collect(Collectors.joining(", "));
        if (!others.isEmpty()) {
            out.append("  keys where other clients would put them: ").append(others)
                    .append(System.lineSeparator());
        }
    }

    private static void appendAdvice(StringBuilder out, ScanResult r, ScanAdvice a) {
        out.append(String.format(Locale.ROOT, "what to do (what-if model, client %s, on the keys as counted):%n",
                a.client().cliName()));
        if (a.hotKeys().isEmpty()) {
            out.append(String.format(Locale.ROOT, "  no hot key: none carries half a partition's fair share (%.1f %%)"
                    + " of the records%n", 50.0 / r.partitions().size()));
        }
        out.append(String.format(Locale.ROOT, "  %-22s %9s  %-20s %s%n", "strategy", "max/mean", "hottest partition",
                "idle partitions"));
        for (StrategyPrediction p : a.topic().predictions()) {
            out.append(String.format(Locale.ROOT, "  %-22s %9.3f  %-20s %s%n", p.strategy(), p.partitions().maxOverMean(),
                    String.format(Locale.ROOT, "p%d (%.1f %%)", p.partitions().hottest(),
                            100 * p.partitions().hottestShare()),
                    p.partitions().idle().isEmpty() ? "none" : partitions(p.partitions().idle())));
        }
        for (ScanAdvice.HotKeyAdvice k : a.hotKeys()) {
            out.append(String.format(Locale.ROOT, "  hot key %s (%.1f %% of records, %s):%n", abbreviate(k.label()),
                    100 * k.share(), where(k.partition())));
            for (ScanAdvice.KeyPlacement p : k.strategies()) {
                out.append(String.format(Locale.ROOT, "    %-22s reaches %d of %d partitions, at most %.1f %% of it on"
                                + " one%s%n", p.strategy(), p.partitions(), r.partitions().size(), 100 * p.maxShare(),
                        p.note().isEmpty() ? "" : " (" + p.note() + ")"));
            }
        }
    }

    /** The {@code scan.json} document. */
    public static Map<String, Object> document(ScanResult r, ScanAdvice advice) {
        Map<String, Object> doc = new LinkedHashMap<>();
        ScanConfig c = r.config();
        doc.put("topic", c.topic());
        doc.put("bootstrap", c.bootstrap());
        doc.put("from", c.from().name().toLowerCase(Locale.ROOT));
        doc.put("stopReason", r.stopReason());
        doc.put("complete", r.complete());
        doc.put("elapsedMillis", r.elapsedMillis());
        doc.put("records", r.recordsRead());
        doc.put("bytes", r.bytesRead());
        doc.put("readRecordsPerSecond", r.readRate());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (ScanResult.PartitionScan p : r.partitions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("partition", p.partition());
            m.put("records", p.records());
            m.put("bytes", p.bytes());
            m.put("recordsPerSecond", p.recordsPerSecond());
            m.put("logStartOffset", p.logStartOffset());
            m.put("logEndOffset", p.logEndOffset());
            m.put("lastStableOffset", p.lastStableOffset());
            m.put("offsets", p.offsets());
            m.put("readToEnd", p.reachedEnd());
            parts.add(m);
        }
        doc.put("partitions", parts);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("maxOverMean", r.skew().maxOverMean());
        summary.put("coefficientOfVariation", r.skew().coefficientOfVariation());
        summary.put("hottestPartition", r.recordsRead() == 0 ? null : hottest(r));
        summary.put("idlePartitions", r.skew().idlePartitions());
        doc.put("summary", summary);
        KeyTally t = r.tally();
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("countedExactly", t.exact());
        keys.put("exactKeysCap", t.exactKeysCap());
        keys.put("spaceSavingCounters", t.counters());
        keys.put("errorBound", t.errorBound());
        keys.put("distinctKeys", t.distinctKeys());
        keys.put("keyedRecords", t.keyedRecords());
        keys.put("nullKeys", t.nullKeys());
        keys.put("nullKeyPartitions", t.nullKeyPartitions());
        keys.put("emptyKeys", t.emptyKeys());
        keys.put("emptyKeyPartitions", t.emptyKeyPartitions());
        doc.put("keys", keys);
        List<Map<String, Object>> top = new ArrayList<>();
        double span = r.timeSpanMillis() / 1000.0;
        for (KeyTally.Entry e : topKeys(r)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", KeyBytes.label(e.key()));
            m.put("keyHex", HexFormat.of().formatHex(e.key()));
            m.put("records", e.count());
            m.put("error", e.error());
            m.put("share", (double) e.count() / r.recordsRead());
            m.put("partition", e.partition() == KeyTally.SEVERAL_PARTITIONS ? null : e.partition());
            m.put("recordsPerSecond", span <= 0 ? null : e.count() / span);
            top.add(m);
        }
        doc.put("topKeys", top);
        if (r.lags() != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", c.group());
            g.put("totalLag", r.totalLag());
            g.put("noCommitPartitions", PartitionLag.noCommitPartitions(r.lags()));
            List<Map<String, Object>> lags = new ArrayList<>();
            for (PartitionLag l : r.lags()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("partition", l.partition());
                m.put("committedOffset", l.committedOffset());
                m.put("lag", l.lag());
                m.put("noCommit", l.noCommit());
                m.put("lagUnit", l.counted() ? "records" : "offsets");
                lags.add(m);
            }
            g.put("partitions", lags);
            doc.put("group", g);
        }
        List<Map<String, Object>> clients = new ArrayList<>();
        for (ScanResult.ClientFit f : r.clientFits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("client", f.client());
            m.put("keysChecked", f.checked());
            m.put("keysAgreeing", f.agree());
            m.put("fits", f.fits());
            clients.add(m);
        }
        doc.put("clients", clients);
        if (advice != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("client", advice.client().cliName());
            List<Map<String, Object>> strategies = new ArrayList<>();
            for (StrategyPrediction p : advice.topic().predictions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("strategy", p.strategy().name());
                m.put("maxOverMean", p.partitions().maxOverMean());
                m.put("hottestPartition", p.partitions().hottest());
                m.put("hottestShare", p.partitions().hottestShare());
                m.put("idlePartitions", p.partitions().idle());
                m.put("recordsPerPartition", p.partitionLoad());
                strategies.add(m);
            }
            w.put("strategies", strategies);
            List<Map<String, Object>> hot = new ArrayList<>();
            for (ScanAdvice.HotKeyAdvice k : advice.hotKeys()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", k.label());
                m.put("share", k.share());
                m.put("partition", k.partition() == KeyTally.SEVERAL_PARTITIONS ? null : k.partition());
                m.put("strategies", k.strategies().stream().map(p -> Map.of("strategy", p.strategy().name(),
                        "partitionsReached", p.partitions(), "maxShare", p.maxShare(), "note", p.note())).toList());
                hot.add(m);
            }
            w.put("hotKeys", hot);
            doc.put("whatIf", w);
        }
        return doc;
    }

    public static void writeJson(Path file, Map<String, Object> document) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    /** Records per partition as read, with the hottest key's records drawn apart. */
    public static void writeChart(Path file, ScanResult r) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // ImageIO's disk cache registers a delete-on-exit file, which fails while the JVM shuts down (Ctrl-C)
        javax.imageio.ImageIO.setUseCache(false);
        int count = r.partitions().size();
        CategoryChart chart = new CategoryChartBuilder().width(960).height(540)
                .title(String.format(Locale.ROOT, "Records per partition of %s (%,d read)", r.config().topic(),
                        r.recordsRead()))
                .xAxisTitle("partition").yAxisTitle("records").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setStacked(true);
        List<String> xs = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        List<Long> hottest = new ArrayList<>();
        List<KeyTally.Entry> top = topKeys(r);
        KeyTally.Entry hot = top.isEmpty() ? null : top.get(0);
        for (ScanResult.PartitionScan p : r.partitions()) {
            xs.add("p" + p.partition());
            long h = hot != null && hot.partition() == p.partition() ? Math.min(hot.count(), p.records()) : 0;
            hottest.add(h);
            others.add(p.records() - h);
        }
        if (count > 64) {
            chart.getStyler().setXAxisLabelRotation(90);
        }
        chart.addSeries("other keys", xs, others);
        if (hot != null) {
            chart.addSeries("hottest key " + abbreviate(KeyBytes.label(hot.key())), xs, hottest);
        }
        BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    private static int hottest(ScanResult r) {
        int best = 0;
        for (ScanResult.PartitionScan p : r.partitions()) {
            if (p.records() > r.partitions().get(best).records()) {
                best = p.partition();
            }
        }
        return best;
    }

    private static String where(int partition) {
        return partition == KeyTally.SEVERAL_PARTITIONS ? "several" : "p" + partition;
    }

    private static String partitions(List<Integer> ps) {
        String shown = ps.stream().limit(20).map(p -> "p" + p).collect(Collectors.joining(", "));
        return ps.size() > 20 ? shown + " and " + (ps.size() - 20) + " more" : shown;
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 31) + "…";
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }

    /** The key as a String when its bytes are valid UTF-8 (re-encoding gives the same bytes), else null. */
    static String utf8(byte[] key) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
