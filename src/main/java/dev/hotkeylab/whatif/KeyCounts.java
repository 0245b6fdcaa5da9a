package dev.hotkeylab.whatif;

import java.io.BufferedReader;
import java.io.IOException;
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

/**
 * A key population: distinct keys with how many records each one gets. The simulator weights by these counts instead
 * of materializing records, so a million keys and a billion records cost two arrays. Immutable.
 */
public final class KeyCounts {

    /** Upper bound on distinct keys, so a typo cannot ask for more memory than the machine has. */
    public static final int MAX_KEYS = 20_000_000;

    private final String[] keys;
    private final long[] counts;
    private final long totalRecords;
    private final String description;

    private KeyCounts(String[] keys, long[] counts, String description) {
        this.keys = keys;
        this.counts = counts;
        long total = 0;
        for (long c : counts) {
            total = Math.addExact(total, c);
        }
        this.totalRecords = total;
        this.description = description;
    }

    /** Explicit keys and counts (copied); for tests and callers that already hold the numbers. */
    public static KeyCounts of(Map<String, Long> countsByKey) {
        Objects.requireNonNull(countsByKey, "countsByKey");
        if (countsByKey.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed but got none");
        }
        String[] keys = new String[countsByKey.size()];
        long[] counts = new long[keys.length];
        int i = 0;
        for (Map.Entry<String, Long> e : countsByKey.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("each key needs a non-null name and a count >= 0 but got "
                        + e.getKey() + "=" + e.getValue());
            }
            keys[i] = e.getKey();
            counts[i++] = e.getValue();
        }
        return checked(new KeyCounts(keys, counts, countsByKey.size() + " given keys"));
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
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "key-" + (i + 1);
        }
        return new KeyCounts(keys, counts, spec.toString());
    }

    /**
     * Reads a CSV file of {@code key,count} lines (a header line is allowed; blank lines are skipped; the count is
     * after the last comma so keys may contain commas; a key may be double-quoted). Repeated keys are added up.
     *
     * @throws IllegalArgumentException one line naming the file, the line number and what was expected
     */
    public static KeyCounts fromCsv(Path file) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                String key = comma < 0 ? "" : unquote(line.substring(0, comma).trim());
                String countText = comma < 0 ? "" : line.substring(comma + 1).trim();
                Long count = parseCount(countText);
                if (count == null && lineNo == 1 && comma >= 0) {
                    continue; // header, e.g. "key,count"
                }
                if (comma < 0 || key.isEmpty() || count == null) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected 'key,count' with a non-empty"
                            + " key and a whole-number count >= 0 but got '" + abbreviate(line) + "'");
                }
                counts.merge(key, count, Math::addExact);
                if (counts.size() > MAX_KEYS) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": more than " + MAX_KEYS
                            + " distinct keys; at most " + MAX_KEYS + " are allowed");
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("key file " + file + " does not exist; expected a CSV file of key,count lines");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("key file " + file + " is not UTF-8 text; expected a UTF-8 CSV file of "
                    + "key,count lines");
        } catch (IOException e) {
            throw new IllegalArgumentException("key file " + file + " cannot be read: " + e.getMessage());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("key file " + file + ": the counts add up to more than " + Long.MAX_VALUE);
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("key file " + file + " has no key,count lines; expected at least one");
        }
        String[] keys = counts.keySet().toArray(String[]::new);
        long[] values = counts.values().stream().mapToLong(Long::longValue).toArray();
        return checked(new KeyCounts(keys, values, "key file " + file.getFileName()));
    }

    private static KeyCounts checked(KeyCounts counts) {
        if (counts.totalRecords < 1) {
            throw new IllegalArgumentException("the keys must carry at least one record but all counts are 0 ("
                    + counts.description + ")");
        }
        return counts;
    }

    private static Long parseCount(String text) {
        if (text.isEmpty()) {
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

    private static String unquote(String key) {
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            return key.substring(1, key.length() - 1).replace("\"\"", "\"");
        }
        return key;
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    public int size() {
        return keys.length;
    }

    public String key(int index) {
        return keys[index];
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
