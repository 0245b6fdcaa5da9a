package dev.hotkeylab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One ticket request, the record value (JSON). {@code sequence} is its position in the producer's stream, so
 * consumers can tell when records of one concert or one user are processed out of order.
 *
 * <p>The value is the JSON object Jackson writes for this record ({@code {"requestId":"…","concertId":"…",
 * "userId":"…","sequence":n,"producedAtMillis":n}}). {@link #toJson()} and {@link #fromJson(byte[])} write and read
 * that shape directly, without a data binder (Jackson's took 42% of a consumer thread's samples in a JFR recording of
 * 10^6 requests at service time 0, and a third of the producer's); any other valid JSON object of the same fields
 * (escaped strings, other field order, extra fields, white space) is read by Jackson.
 */
public record TicketRequest(String requestId, String concertId, String userId, long sequence, long producedAtMillis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toJson() {
        if (plain(requestId) && plain(concertId) && plain(userId)) {
            // The common case (ASCII ids without quotes or backslashes), written straight into one array.
            byte[] out = new byte[75 + requestId.length() + concertId.length() + userId.length() + 40];
            int at = put(out, 0, Fast.REQUEST);
            at = put(out, at, requestId);
            at = put(out, at, Fast.CONCERT);
            at = put(out, at, concertId);
            at = put(out, at, Fast.USER);
            at = put(out, at, userId);
            at = put(out, at, Fast.SEQUENCE);
            at = put(out, at, sequence);
            at = put(out, at, Fast.PRODUCED);
            at = put(out, at, producedAtMillis);
            out[at++] = '}';
            return java.util.Arrays.copyOf(out, at);
        }
        StringBuilder out = new StringBuilder(48 + requestId.length() + concertId.length() + userId.length());
        out.append("{\"requestId\":");
        string(out, requestId);
        out.append(",\"concertId\":");
        string(out, concertId);
        out.append(",\"userId\":");
        string(out, userId);
        out.append(",\"sequence\":").append(sequence).append(",\"producedAtMillis\":").append(producedAtMillis)
                .append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static int put(byte[] out, int at, byte[] token) {
        System.arraycopy(token, 0, out, at, token.length);
        return at + token.length;
    }

    /** A plain string and its closing quote. */
    private static int put(byte[] out, int at, String s) {
        s.getBytes(0, s.length(), out, at); // ASCII only (checked by plain())
        out[at + s.length()] = '"';
        return at + s.length() + 1;
    }

    private static int put(byte[] out, int at, long n) {
        byte[] digits = Long.toString(n).getBytes(StandardCharsets.US_ASCII);
        return put(out, at, digits);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /**
     * Reads a value written by {@link #toJson()} (or any JSON object of these fields).
     *
     * @throws IllegalArgumentException when the bytes are not such an object
     */
    public static TicketRequest fromJson(byte[] json) {
        TicketRequest fast = Fast.read(json);
        if (fast != null) {
            return fast;
        }
        try {
            return JSON.readValue(json, TicketRequest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a ticket request: " + e.getMessage(), e);
        }
    }

    /** The exact shape {@link #toJson()} writes, read in one pass; null for anything else (Jackson reads that). */
    private static final class Fast {

        private static final byte[] REQUEST = "{\"requestId\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] CONCERT = ",\"concertId\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] USER = ",\"userId\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] SEQUENCE = ",\"sequence\":".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] PRODUCED = ",\"producedAtMillis\":".getBytes(StandardCharsets.US_ASCII);

        private final byte[] b;
        private int pos;

        private Fast(byte[] b) {
            this.b = b;
        }

        static TicketRequest read(byte[] json) {
            if (json == null) {
                return null;
            }
            Fast f = new Fast(json);
            if (!f.expect(REQUEST)) {
                return null;
            }
            String requestId = f.string();
            if (requestId == null || !f.expect(CONCERT)) {
                return null;
            }
            String concertId = f.string();
            if (concertId == null || !f.expect(USER)) {
                return null;
            }
            String userId = f.string();
            if (userId == null || !f.expect(SEQUENCE)) {
                return null;
            }
            long sequence = f.number();
            if (f.pos < 0 || !f.expect(PRODUCED)) {
                return null;
            }
            long produced = f.number();
            if (f.pos < 0 || f.pos != json.length - 1 || json[f.pos] != '}') {
                return null;
            }
            return new TicketRequest(requestId, concertId, userId, sequence, produced);
        }

        private boolean expect(byte[] token) {
            if (pos + token.length > b.length) {
                return false;
            }
            for (int i = 0; i < token.length; i++) {
                if (b[pos + i] != token[i]) {
                    return false;
                }
            }
            pos += token.length;
            return true;
        }

        /** A string without escapes, after its opening quote; null at a backslash or control character. */
        private String string() {
            int start = pos;
            for (int i = pos; i < b.length; i++) {
                byte c = b[i];
                if (c == '"') {
                    pos = i + 1;
                    return new String(b, start, i - start, StandardCharsets.UTF_8);
                }
                if (c == '\\' || (c >= 0 && c < 0x20)) {
                    return null;
                }
            }
            return null;
        }

        /** An integer of up to 18 digits, optionally negative; pos -1 when there is none. */
        private long number() {
            boolean negative = pos < b.length && b[pos] == '-';
            int i = negative ? pos + 1 : pos;
            int start = i;
            long n = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9' && i - start < 18) {
                n = n * 10 + (b[i] - '0');
                i++;
            }
            if (i == start || (i < b.length && b[i] >= '0' && b[i] <= '9')) {
                pos = -1;
                return 0;
            }
            pos = i;
            return negative ? -n : n;
        }
    }
}
