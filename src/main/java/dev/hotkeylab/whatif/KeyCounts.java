package dev.hotkeylab.whatif;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.apache.commons.io.input.BOMInputStream;

/**
 * A key population: distinct keys (exact bytes; at most one null key, a record sent without a key) with how many
 * records each one gets. The simulator weights by these counts instead
 * of materializing records, so a million keys and a billion records cost two arrays. Immutable.
 */
public final class KeyCounts {

    /** Upper bound on distinct keys, so a typo cannot ask for more memory than the machine has. */
    public static final int MAX_KEYS = 20_000_000;
    /** In a key file, this unquoted field is a null key (PostgreSQL's and MySQL's text-format null). */
    public static final String NULL_MARKER = "\\N";

    private final byte[][] keys;
    private final long[] counts;
    private final long totalRecords;
    private final String description;

    private KeyCounts(byte[][] keys, long[] counts, String description) {
        this.keys = keys;
        this.counts = counts;
        long total = 0;
        for (long c : counts) {
            total = Math.addExact(total, c);
        }
        this.totalRecords = total;
        this.description = description;
    }

    /**
     * Explicit keys and counts (copied); for tests and callers that already hold the numbers. Keys are UTF-8 encoded;
     * a null map key is the null key.
     */
    public static KeyCounts of(Map<String, Long> countsByKey) {
        Objects.requireNonNull(countsByKey, "countsByKey");
        if (countsByKey.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed but got none");
        }
        byte[][] keys = new byte[countsByKey.size()][];
        long[] counts = new long[keys.length];
        int i = 0;
        for (Map.Entry<String, Long> e : countsByKey.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("each key needs a count >= 0 but got "
                        + e.getKey() + "=" + e.getValue());
            }
            keys[i] = e.getKey() == null ? null : e.getKey().getBytes(StandardCharsets.UTF_8);
            counts[i++] = e.getValue();
        }
        return checked(new KeyCounts(keys, counts, countsByKey.size() + " given keys"));
    }

    /**
     * Exact key bytes and their counts (copied; a null key is the null key), e.g. the keys a scan of a topic counted.
     * Repeated keys are not merged: give each key once.
     *
     * @throws IllegalArgumentException no keys, lengths that differ, a negative count, or all counts 0
     */
    public static KeyCounts ofBytes(java.util.List<byte[]> keys, long[] counts, String description) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(counts, "counts");
        if (keys.isEmpty() || keys.size() != counts.length) {
            throw new IllegalArgumentException("one count per key is needed but got " + keys.size() + " keys and "
                    + counts.length + " counts");
        }
        byte[][] copy = new byte[keys.size()][];
        for (int i = 0; i < copy.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("each key needs a count >= 0 but got " + counts[i]);
            }
            copy[i] = keys.get(i) == null ? null : keys.get(i).clone();
        }
        return checked(new KeyCounts(copy, counts.clone(), description));
    }

    /**
     * Zipf-distributed counts for keys {@code key-1 .. key-COUNT} (rank 1 hottest). Counts are whole numbers that add up
     * to exactly TOTAL: each key gets the floor of its expected share and the records left over go to the keys with
     * the largest remainders (ties to the hotter key).
     */
    public static KeyCounts zipf(ZipfSpec spec) {
        int n = spec.distinctKeys();
        double[] weights = new double[n];
        double sum = 0;
        // Summed from the smallest weights up to keep the rounding error of a million-term sum small.
        for (int r = n; r >= 1; r--) {
            double w = Math.pow(r, -spec.exponent());
            weights[r - 1] = w;
            sum += w;
        }
        long[] counts = new long[n];
        double[] remainders = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            double expected = spec.totalRecords() * (weights[i] / sum);
            long floor = (long) Math.floor(expected);
            counts[i] = floor;
            remainders[i] = expected - floor;
            assigned += floor;
        }
        long left = spec.totalRecords() - assigned;
        if (left > 0) {
            double[] sorted = remainders.clone();
            Arrays.sort(sorted);
            double threshold = sorted[(int) Math.max(0, n - left)];
            for (int i = 0; i < n && left > 0; i++) {
                if (remainders[i] > threshold) {
                    counts[i]++;
                    left--;
                }
            }
            for (int i = 0; i < n && left > 0; i++) {
                if (remainders[i] == threshold) {
                    counts[i]++;
                    left--;
                }
            }
            // Floating-point slack can leave a few records; they go to the hottest keys, one each.
            for (int i = 0; left > 0; i = (i + 1) % n) {
                counts[i]++;
                left--;
            }
        } else if (left < 0) {
            for (int i = 0; left < 0; i = (i + 1) % n) {
                if (counts[i] > 0) {
                    counts[i]--;
                    left++;
                }
            }
        }
        byte[][] keys = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = ("key-" + (i + 1)).getBytes(StandardCharsets.UTF_8);
        }
        return new KeyCounts(keys, counts, spec.toString());
    }

    /**
     * Reads a key file: CSV (RFC 4180, parsed by Apache Commons CSV) of {@code key,count} records. Keys are taken
     * byte for byte, exactly as the client would send them:
     * <ul>
     *   <li>nothing is trimmed, quoted or not ({@code ACME    ,1} is the key {@code "ACME    "});</li>
     *   <li>a UTF-8 byte-order mark at the start (Excel's "CSV UTF-8") is dropped;</li>
     *   <li>{@code ""} (or an empty field) is the empty key, which clients hash like any other key;</li>
     *   <li>{@value #NULL_MARKER} unquoted is a null key (a record sent without a key); {@code "\N"} quoted is the
     *       two-character text key;</li>
     *   <li>a first line whose count is not a number is a header; a header {@code key_hex,count} or
     *       {@code key_base64,count} makes every key hex or base64 bytes (for binary keys); any other header means
     *       UTF-8 text keys.</li>
     * </ul>
     * Fields containing commas, quotes or line breaks must be quoted; the count may have spaces around it. Repeated
     * keys are added up.
     *
     * @throws IllegalArgumentException one line naming the file, the line number and the reason
     */
    public static KeyCounts fromCsv(Path file) {
        Map<Key, Long> counts = new LinkedHashMap<>();
        KeyEncoding encoding = KeyEncoding.TEXT;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setNullString(NULL_MARKER)
                // strict quote mode: a quoted "\N" stays text, only the unquoted marker is null
                .setQuoteMode(QuoteMode.ALL_NON_NULL)
                .setIgnoreEmptyLines(true)
                .get();
        try (InputStream raw = Files.newInputStream(file);
             BOMInputStream noBom = BOMInputStream.builder().setInputStream(raw).get();
             Reader reader = new InputStreamReader(noBom, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            boolean first = true;
            for (CSVRecord record : parser) {
                long lineNo = record.getParser().getCurrentLineNumber();
                long recordLine = firstLineOf(record, lineNo);
                if (record.size() != 2) {
                    throw bad(file, recordLine, "expected 2 fields key,count (quote a key that holds a comma) but got "
                            + record.size(), record);
                }
                String keyText = record.get(0);
                String countText = record.get(1) == null ? null : record.get(1).strip();
                Long count = parseCount(countText);
                if (first && count == null) {
                    first = false;
                    encoding = KeyEncoding.ofHeader(keyText);
                    continue;
                }
                first = false;
                if (count == null) {
                    throw bad(file, recordLine, "expected a whole-number count >= 0", record);
                }
                byte[] key = encoding.decode(keyText, file, recordLine);
                counts.merge(new Key(key), count, Math::addExact);
                if (counts.size() > MAX_KEYS) {
                    throw new IllegalArgumentException(file + ":" + recordLine + ": more than " + MAX_KEYS
                            + " distinct keys; at most " + MAX_KEYS + " are allowed");
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("key file " + file + " does not exist; expected a CSV file of key,count lines");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ":" + Utf8Lines.firstBadLine(file) + ": not UTF-8 text; give"
                    + " binary keys as hex or base64 (header key_hex,count or key_base64,count)");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new IllegalArgumentException(file + ":" + Utf8Lines.firstBadLine(file) + ": not UTF-8 text;"
                        + " give binary keys as hex or base64 (header key_hex,count or key_base64,count)");
            }
            throw new IllegalArgumentException(file + ": cannot be parsed as CSV: " + oneLine(e.getCause()));
        } catch (IOException e) {
            throw new IllegalArgumentException("key file " + file + " cannot be read: " + e.getMessage());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("key file " + file + ": the counts add up to more than " + Long.MAX_VALUE);
        } catch (IllegalStateException e) {
            // Commons CSV: e.g. EOF inside a quoted field, or a character after a closing quote
            throw new IllegalArgumentException(file + ": cannot be parsed as CSV: " + oneLine(e));
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("key file " + file + " has no key,count lines; expected at least one");
        }
        byte[][] keys = counts.keySet().stream().map(Key::bytes).toArray(byte[][]::new);
        long[] values = counts.values().stream().mapToLong(Long::longValue).toArray();
        return checked(new KeyCounts(keys, values, "key file " + file.getFileName()));
    }

    /** The line a record starts on (a quoted field may span lines; the parser reports where the record ended). */
    private static long firstLineOf(CSVRecord record, long endLine) {
        long breaks = 0;
        for (String value : record) {
            if (value != null) {
                breaks += value.chars().filter(c -> c == '\n').count();
            }
        }
        return Math.max(1, endLine - breaks);
    }

    private static IllegalArgumentException bad(Path file, long line, String reason, CSVRecord record) {
        String shown = String.join(",", record.stream().map(v -> v == null ? NULL_MARKER : v).toList());
        return new IllegalArgumentException(file + ":" + line + ": " + reason + ": '" + abbreviate(shown) + "'");
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replaceAll("\\s+", " ");
    }

    private static KeyCounts checked(KeyCounts counts) {
        if (counts.totalRecords < 1) {
            throw new IllegalArgumentException("the keys must carry at least one record but all counts are 0 ("
                    + counts.description + ")");
        }
        return counts;
    }

    private static Long parseCount(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    public int size() {
        return keys.length;
    }

    /** The key's exact bytes, or null for the null key. Do not modify the array. */
    public byte[] key(int index) {
        return keys[index];
    }

    /** The key for people: see {@link KeyBytes#label(byte[])}. */
    public String label(int index) {
        return KeyBytes.label(keys[index]);
    }

    public long count(int index) {
        return counts[index];
    }

    public long totalRecords() {
        return totalRecords;
    }

    /** Where the keys came from, for output ({@code zipf:1.0:1000:100000}, {@code key file keys.csv}). */
    public String description() {
        return description;
    }

    /** Indexes of the {@code limit} keys with the most records, hottest first (ties: earlier key first). */
    public int[] hottest(int limit) {
        int k = Math.min(Math.max(limit, 0), keys.length);
        if (k == 0) {
            return new int[0];
        }
        Comparator<Integer> hotterFirst = (a, b) -> counts[a] != counts[b]
                ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b);
        // A bounded heap whose head is the coolest of the current top k: O(n log k), no sort of all keys.
        PriorityQueue<Integer> top = new PriorityQueue<>(k, hotterFirst.reversed());
        for (int i = 0; i < keys.length; i++) {
            if (top.size() < k) {
                top.add(i);
            } else if (hotterFirst.compare(i, top.peek()) < 0) {
                top.poll();
                top.add(i);
            }
        }
        return top.stream().sorted(hotterFirst).mapToInt(Integer::intValue).toArray();
    }

    /** Key bytes with value equality, for adding up repeated keys; {@code bytes} null is the null key. */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return KeyBytes.label(bytes);
        }
    }

    /** How a key file writes its keys, chosen by the header's first column. */
    enum KeyEncoding {
        TEXT, HEX, BASE64;

        static KeyEncoding ofHeader(String firstColumn) {
            String name = firstColumn == null ? "" : firstColumn.strip().toLowerCase(java.util.Locale.ROOT);
            return switch (name) {
                case "key_hex", "hex" -> HEX;
                case "key_base64", "base64" -> BASE64;
                default -> TEXT;
            };
        }

        /** The key's bytes; null for the null marker; one-line error naming file and line for a bad field. */
        byte[] decode(String field, Path file, long line) {
            if (field == null) {
                return null;
            }
            try {
                return switch (this) {
                    case TEXT -> field.getBytes(StandardCharsets.UTF_8);
                    case HEX -> java.util.HexFormat.of().parseHex(field);
                    case BASE64 -> java.util.Base64.getDecoder().decode(field);
                };
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + line + ": key '" + abbreviate(field) + "' is not "
                        + (this == HEX ? "hex (an even number of 0-9a-f digits)" : "base64 (RFC 4648)")
                        + ": " + e.getMessage());
            }
        }
    }

    /** Finds the first line of a file that is not valid UTF-8 (only on the error path: a second, exact pass). */
    static final class Utf8Lines {
        private Utf8Lines() {
        }

        static long firstBadLine(Path file) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(64 * 1024);
            java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(64 * 1024);
            long line = 1;
            try (InputStream stream = Files.newInputStream(file)) {
                boolean eof = false;
                while (true) {
                    int read = eof ? -1 : stream.read(in.array(), in.position(), in.remaining());
                    if (read < 0) {
                        eof = true;
                    } else {
                        in.position(in.position() + read);
                    }
                    in.flip();
                    int before = in.position();
                    var result = decoder.decode(in, out, eof);
                    for (int i = before; i < in.position(); i++) {
                        if (in.get(i) == '\n') {
                            line++;
                        }
                    }
                    if (result.isError()) {
                        return line;
                    }
                    out.clear();
                    in.compact();
                    if (eof && in.position() == 0) {
                        return line;
                    }
                }
            } catch (IOException e) {
                return line;
            }
        }
    }
}
