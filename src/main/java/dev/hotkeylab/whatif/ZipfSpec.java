package dev.hotkeylab.whatif;

/**
 * A synthetic key population: {@code distinctKeys} keys whose record counts follow Zipf's law with exponent
 * {@code exponent} (rank r gets a share proportional to {@code 1 / r^s}; s = 0 is uniform), {@code totalRecords} records
 * in all. Written {@code zipf:S:COUNT[:TOTAL]}; TOTAL defaults to 100 records per key.
 */
public record ZipfSpec(double exponent, int distinctKeys, long totalRecords) {

    /** Records per key when the spec gives no TOTAL. */
    public static final long DEFAULT_RECORDS_PER_KEY = 100;

    static final String FORMAT = "expected zipf:S:COUNT[:TOTAL] with S >= 0, COUNT >= 1, TOTAL >= 1 (e.g. zipf:1.0:1000000)";

    public ZipfSpec {
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("zipf exponent S must be a finite number >= 0 but got " + exponent);
        }
        if (distinctKeys < 1 || distinctKeys > KeyCounts.MAX_KEYS) {
            throw new IllegalArgumentException("zipf COUNT (distinct keys) must be in [1, " + KeyCounts.MAX_KEYS
                    + "] but got " + distinctKeys);
        }
        if (totalRecords < 1) {
            throw new IllegalArgumentException("zipf TOTAL (records) must be >= 1 but got " + totalRecords);
        }
    }

    /** Parses {@code zipf:S:COUNT[:TOTAL]}; every error names the spec and the part that is wrong. */
    public static ZipfSpec parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("bad key spec null; " + FORMAT);
        }
        String[] parts = spec.trim().split(":", -1);
        if (parts.length < 3 || parts.length > 4 || !parts[0].equalsIgnoreCase("zipf")) {
            throw new IllegalArgumentException("bad key spec '" + spec + "'; " + FORMAT);
        }
        double s;
        try {
            s = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad key spec '" + spec + "': S '" + parts[1] + "' is not a number; " + FORMAT);
        }
        int count = (int) parseWhole(spec, "COUNT", parts[2], Integer.MAX_VALUE);
        long total = parts.length == 4
                ? parseWhole(spec, "TOTAL", parts[3], Long.MAX_VALUE)
                : Math.multiplyExact((long) Math.max(count, 1), DEFAULT_RECORDS_PER_KEY);
        try {
            return new ZipfSpec(s, count, total);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad key spec '" + spec + "': " + e.getMessage());
        }
    }

    private static long parseWhole(String spec, String name, String text, long max) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad key spec '" + spec + "': " + name + " '" + text
                    + "' is not a whole number; " + FORMAT);
        }
        if (value > max) {
            throw new IllegalArgumentException("bad key spec '" + spec + "': " + name + " must be <= " + max
                    + " but got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "zipf:" + exponent + ":" + distinctKeys + ":" + totalRecords;
    }
}
