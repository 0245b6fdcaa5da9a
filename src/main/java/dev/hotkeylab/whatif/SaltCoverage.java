package dev.hotkeylab.whatif;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * How well naive salting spreads a key: for B salt buckets and P partitions, measured over many random keys with the
 * chosen client's hash, the share of keys whose salted variants {@code key_0 .. key_(B-1)} reach every partition, and
 * the expected max/mean partition load when the B salts are used equally. With B = P this is the coupon-collector
 * problem: P!/P^P of keys are spread over all partitions (22 % at P = 3, 0.005 % at P = 12); the rest leave at least
 * one partition, and its consumer, idle. Each row also carries that closed-form value to compare with.
 */
public final class SaltCoverage {

    /** Partition counts of the default table. */
    public static final List<Integer> DEFAULT_PARTITIONS = List.of(3, 6, 12, 24, 48, 100);
    /** B as multiples of P in the default table. */
    public static final List<Integer> DEFAULT_MULTIPLIERS = List.of(1, 2, 4, 8);
    public static final int DEFAULT_SAMPLE_KEYS = 10_000;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * One cell of the table.
     *
     * @param partitions           P
     * @param saltBuckets          B
     * @param sampleKeys           random keys measured
     * @param coverAllShare        share of those keys whose B salted keys reach all P partitions
     * @param theoryCoverAllShare  the same for an ideal uniform hash (inclusion-exclusion)
     * @param meanMaxOverMean      mean over keys of (most salts on one partition) * P / B
     * @param meanIdlePartitions   mean over keys of partitions no salt reaches
     */
    public record Row(int partitions, int saltBuckets, int sampleKeys, double coverAllShare, double theoryCoverAllShare,
                      double meanMaxOverMean, double meanIdlePartitions) {
    }

    /**
     * The table.
     *
     * @param client     whose hash placed the salted keys
     * @param clientRule that client's rule, spelled out
     * @param seed       seed of the random sample keys
     * @param rows       by P, then B
     */
    public record Table(ClientModel client, String clientRule, long seed, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    private SaltCoverage() {
    }

    /** The default table: P in {@link #DEFAULT_PARTITIONS}, B = P x {@link #DEFAULT_MULTIPLIERS}. */
    public static Table defaultTable(ClientModel client, long seed, ProgressListener progress) {
        List<int[]> cells = new ArrayList<>();
        for (int p : DEFAULT_PARTITIONS) {
            for (int m : DEFAULT_MULTIPLIERS) {
                cells.add(new int[] {p, m * p});
            }
        }
        return measure(cells, DEFAULT_SAMPLE_KEYS, client, seed, progress);
    }

    /**
     * Measures each (P, B) cell over {@code sampleKeys} random keys. Cells with the same P share one pass: the salts of
     * the largest B are hashed once and the smaller B read their prefix.
     */
    public static Table measure(List<int[]> cells, int sampleKeys, ClientModel client, long seed,
                                ProgressListener progress) {
        if (!client.hashesKeys()) {
            throw new IllegalArgumentException("client " + client.cliName() + " places every record at random; salting"
                    + " coverage needs a client that hashes keys");
        }
        Objects.requireNonNull(client, "client");
        if (sampleKeys < 1) {
            throw new IllegalArgumentException("sample keys must be >= 1 but got " + sampleKeys);
        }
        TreeSet<Integer> partitionCounts = new TreeSet<>();
        for (int[] cell : cells) {
            if (cell[0] < 1 || cell[1] < 1) {
                throw new IllegalArgumentException("partitions and salt buckets must be >= 1 but got P=" + cell[0]
                        + ", B=" + cell[1]);
            }
            partitionCounts.add(cell[0]);
        }
        String[] keys = randomKeys(sampleKeys, seed);
        List<Row> rows = new ArrayList<>();
        for (int p : partitionCounts) {
            int[] buckets = cells.stream().filter(c -> c[0] == p).mapToInt(c -> c[1]).distinct().sorted().toArray();
            rows.addAll(measureOne(p, buckets, keys, client, progress));
        }
        return new Table(client, client.rule(), seed, rows);
    }

    private static List<Row> measureOne(int p, int[] buckets, String[] keys, ClientModel client,
                                        ProgressListener progress) {
        int maxB = buckets[buckets.length - 1];
        int n = keys.length;
        // Per bucket-count: keys covering all, sum of max/mean, sum of idle partitions.
        AtomicLong done = new AtomicLong();
        double[][] sums = IntStream.range(0, Math.min(n, 32)).parallel().mapToObj(chunk -> {
            int chunks = Math.min(n, 32);
            int from = (int) ((long) n * chunk / chunks);
            int to = (int) ((long) n * (chunk + 1) / chunks);
            double[][] local = new double[buckets.length][3];
            int[] perPartition = new int[p];
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(perPartition, 0);
                SaltedKeyBytes salted = new SaltedKeyBytes(keys[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                int distinct = 0;
                int max = 0;
                int next = 0;
                for (int b = 0; b < maxB; b++) {
                    int at = client.partitionFor(salted.forBucket(b), p);
                    if (perPartition[at]++ == 0) {
                        distinct++;
                    }
                    max = Math.max(max, perPartition[at]);
                    while (next < buckets.length && buckets[next] == b + 1) {
                        local[next][0] += distinct == p ? 1 : 0;
                        local[next][1] += (double) max * p / (b + 1);
                        local[next][2] += p - distinct;
                        next++;
                    }
                }
            }
            progress.progress("coverage P=" + p, done.addAndGet(to - from), n);
            return local;
        }).reduce((a, b) -> {
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < 3; j++) {
                    a[i][j] += b[i][j];
                }
            }
            return a;
        }).orElseThrow();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            rows.add(new Row(p, buckets[i], n, sums[i][0] / n, theoryCoverAll(p, buckets[i]), sums[i][1] / n,
                    sums[i][2] / n));
        }
        return rows;
    }

    /**
     * Probability that B uniform draws over P partitions hit every partition: sum over j of (-1)^j C(P,j) (1-j/P)^B.
     * Exact arithmetic (the alternating terms cancel far below double precision for large P).
     */
    public static double theoryCoverAll(int partitions, int buckets) {
        if (buckets < partitions) {
            return 0;
        }
        MathContext mc = new MathContext(60, RoundingMode.HALF_EVEN);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal binomial = BigDecimal.ONE;
        BigDecimal p = BigDecimal.valueOf(partitions);
        for (int j = 0; j <= partitions; j++) {
            if (j > 0) {
                binomial = binomial.multiply(BigDecimal.valueOf(partitions - j + 1)).divide(BigDecimal.valueOf(j), mc);
            }
            BigDecimal base = BigDecimal.valueOf(partitions - j).divide(p, mc);
            BigDecimal term = binomial.multiply(base.pow(buckets, mc), mc);
            sum = (j % 2 == 0) ? sum.add(term, mc) : sum.subtract(term, mc);
        }
        return Math.max(0, sum.doubleValue());
    }

    /** Random ids of 6 to 20 letters and digits, the shape of real entity keys. */
    static String[] randomKeys(int count, long seed) {
        Random random = new Random(seed);
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            int length = 6 + random.nextInt(15);
            StringBuilder sb = new StringBuilder(length);
            for (int c = 0; c < length; c++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            keys[i] = sb.toString();
        }
        return keys;
    }
}
