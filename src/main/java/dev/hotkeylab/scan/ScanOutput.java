package dev.hotkeylab.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hotkeylab.whatif.KeyBytes;
import dev.hotkeylab.whatif.KeyCounts;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

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
        boolean hex = entries.stream().anyMatch(e -> KeyBytes.utf8OrNull(e.key()) == null);
        CSVFormat format = CSVFormat.RFC4180.builder().setNullString(KeyCounts.NULL_MARKER)
                .setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, format)) {
            csv.printRecord(hex ? "key_hex" : "key", "count");
            for (KeyTally.Entry e : entries) {
                csv.printRecord(hex ? HexFormat.of().formatHex(e.key()) : KeyBytes.utf8OrNull(e.key()), Long.toString(e.count()));
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
        return ScanText.text(r, advice);
    }

    /** The {@code scan.json} document; {@code advice} may be null (nothing read). */
    public static Map<String, Object> document(ScanResult r, ScanAdvice advice) {
        return ScanDocument.of(r, advice);
    }

    public static void writeJson(Path file, Map<String, Object> document) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    /** {@code scan.png}: records per partition as read, with the hottest key's records drawn apart. */
    public static void writeChart(Path file, ScanResult r) throws IOException {
        ScanChart.write(file, r);
    }
}
