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
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.apache.commons.io.input.BOMInputStream;

/** The key file format ({@code whatif --key-file}, {@code scan}'s {@code keys.csv}) and its reader. */
final class KeyFile {

    private KeyFile() {
    }

    /**
     * Reads a key file: CSV (RFC 4180, parsed by Apache Commons CSV) of {@code key,count} records. Keys are taken
     * byte for byte, exactly as the client would send them:
     * <ul>
     *   <li>nothing is trimmed, quoted or not ({@code ACME    ,1} is the key {@code "ACME    "});</li>
     *   <li>a UTF-8 byte-order mark at the start (Excel's "CSV UTF-8") is dropped;</li>
     *   <li>{@code ""} (or an empty field) is the empty key, which clients hash like any other key;</li>
     *   <li>{@value KeyCounts#NULL_MARKER} unquoted is a null key (a record sent without a key); {@code "\N"} quoted is the
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
    static KeyCounts read(Path file) {
        Map<Key, Long> counts = new LinkedHashMap<>();
        KeyEncoding encoding = KeyEncoding.TEXT;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setNullString(KeyCounts.NULL_MARKER)
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
                if (counts.size() > KeyCounts.MAX_KEYS) {
                    throw new IllegalArgumentException(file + ":" + recordLine + ": more than " + KeyCounts.MAX_KEYS
                            + " distinct keys; at most " + KeyCounts.MAX_KEYS + " are allowed");
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
        return KeyCounts.parsed(keys, values, "key file " + file.getFileName());
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
        String shown = String.join(",", record.stream().map(v -> v == null ? KeyCounts.NULL_MARKER : v).toList());
        return new IllegalArgumentException(file + ":" + line + ": " + reason + ": '" + abbreviate(shown) + "'");
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replaceAll("\\s+", " ");
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
