package dev.hotkeylab.hotkeys;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A seeded stream of keys whose popularity follows Zipf's law: the key of rank {@code r} (1-based) is drawn with
 * probability {@code r^-s / H(n, s)}. Real traffic over concerts, products or users looks like this: a few keys carry
 * most of it and a long tail is quiet.
 *
 * <p>Sampling is by inverse CDF (one {@code nextDouble()} and a binary search over precomputed cumulative
 * probabilities) from the injected {@link Random}, written here rather than taken from a library so that a seed gives
 * the same stream forever: a library's sampler may change algorithm between versions and silently change every
 * recorded experiment. Memory is one double per key. Not thread-safe (neither is sharing one seeded stream).
 */
public final class ZipfKeys {

    /** More keys than this would take more than 80 MB of cumulative probabilities. */
    public static final int MAX_KEYS = 10_000_000;

    private final String[] names;
    private final double exponent;
    private final double[] cumulative;
    private final double normalization;
    private final Random random;

    /**
     * Keys named {@code prefix + rank}, e.g. {@code key-1 .. key-n}.
     */
    public static ZipfKeys of(String prefix, int keys, double exponent, Random random) {
        if (keys < 1 || keys > MAX_KEYS) {
            throw new IllegalArgumentException("keys must be in [1, " + MAX_KEYS + "] but got " + keys);
        }
        String p = prefix == null ? "" : prefix;
        return new ZipfKeys(IntStream.rangeClosed(1, keys).mapToObj(r -> p + r).toArray(String[]::new), exponent,
                random);
    }

    /**
     * The given keys, most popular first: {@code names.get(0)} has rank 1.
     */
    public static ZipfKeys of(List<String> names, double exponent, Random random) {
        if (names == null || names.isEmpty() || names.size() > MAX_KEYS) {
            throw new IllegalArgumentException("keys must be in [1, " + MAX_KEYS + "] but got "
                    + (names == null ? "null" : names.size()));
        }
        return new ZipfKeys(names.toArray(String[]::new), exponent, random);
    }

    private ZipfKeys(String[] names, double exponent, Random random) {
        if (!(exponent >= 0 && exponent <= 100)) {
            throw new IllegalArgumentException("exponent must be in [0, 100] but got " + exponent);
        }
        if (random == null) {
            throw new IllegalArgumentException("random must not be null: inject a seeded Random");
        }
        this.names = names;
        this.exponent = exponent;
        this.random = random;
        this.cumulative = new double[names.length];
        double sum = 0;
        for (int r = 1; r <= names.length; r++) {
            sum += Math.pow(r, -exponent);
            cumulative[r - 1] = sum;
        }
        this.normalization = sum;
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        // Rounding must not leave a sliver above the last key.
        cumulative[cumulative.length - 1] = 1.0;
    }

    /** The rank (1-based) of the next key. */
    public int nextRank() {
        return rankAt(random.nextDouble());
    }

    /**
     * The rank whose interval of the cumulative distribution holds {@code u}: the inverse CDF, for callers that bring
     * their own uniform number (e.g. one derived from a request's index, so any request can be drawn in any order).
     */
    public int rankAt(double u) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u must be in [0, 1) but got " + u);
        }
        int i = Arrays.binarySearch(cumulative, u);
        // Exact hit on a boundary belongs to the next key ([c(r-1), c(r)) is rank r's interval).
        int index = i >= 0 ? i + 1 : -i - 1;
        return Math.min(index, cumulative.length - 1) + 1;
    }

    /** The next key. */
    public String next() {
        return names[nextRank() - 1];
    }

    /** The key of a rank. */
    public String keyOf(int rank) {
        requireRank(rank);
        return names[rank - 1];
    }

    /** The probability of drawing the key of {@code rank}. */
    public double probability(int rank) {
        requireRank(rank);
        return Math.pow(rank, -exponent) / normalization;
    }

    public int keys() {
        return names.length;
    }

    public double exponent() {
        return exponent;
    }

    private void requireRank(int rank) {
        if (rank < 1 || rank > names.length) {
            throw new IllegalArgumentException("rank must be in [1, " + names.length + "] but got " + rank);
        }
    }
}
