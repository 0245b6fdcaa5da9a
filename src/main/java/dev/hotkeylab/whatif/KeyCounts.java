package dev.hotkeylab.whatif;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

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
     * Reads a key file: CSV of {@code key,count} records, keys byte for byte; the format is {@link KeyFile}'s.
     *
     * @throws IllegalArgumentException one line naming the file, the line number and the reason
     */
    public static KeyCounts fromCsv(Path file) {
        return KeyFile.read(file);
    }

    /** Keys and counts already parsed and owned by the caller (not copied), checked to carry a record. */
    static KeyCounts parsed(byte[][] keys, long[] counts, String description) {
        return checked(new KeyCounts(keys, counts, description));
    }

    private static KeyCounts checked(KeyCounts counts) {
        if (counts.totalRecords < 1) {
            throw new IllegalArgumentException("the keys must carry at least one record but all counts are 0 ("
                    + counts.description + ")");
        }
        return counts;
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
}
