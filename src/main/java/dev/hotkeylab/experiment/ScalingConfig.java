package dev.hotkeylab.experiment;

import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.StrategyKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scaling benchmark's grid: for every N in {@code ns}, a fresh N-partition topic with N consumers, run once with
 * {@link Strategy#FIXED_KEY} (the baseline) and once with each salted strategy. Every N gets
 * {@code N x messagesPerPartition} requests, so a salted run has the same work per consumer at every N and the fixed
 * key's single busy consumer gets all of it: the speed-up salted/fixed can reach N, never more.
 *
 * @param ns                   consumer and partition counts to measure, in order
 * @param messagesPerPartition requests per partition of the run (a run with N partitions sends N x this)
 * @param serviceTimeMillis    what one request costs its consumer (an I/O-like wait)
 * @param salted               the strategies compared with the fixed key (FIXED_KEY itself is always the baseline)
 * @param key                  the hot concert id
 * @param seed                 seeds salts and users
 * @param users                distinct users sending requests
 * @param warmup               whether one discarded run warms the JVM up first (cold JIT slows the first run down)
 */
public record ScalingConfig(List<Integer> ns, int messagesPerPartition, double serviceTimeMillis, List<Strategy> salted,
        String key, long seed, int users, boolean warmup) {

    public static final List<Integer> DEFAULT_NS = List.of(1, 2, 3, 6);
    public static final List<Strategy> DEFAULT_SALTED = Strategy.benchDefault();
    public static final int DEFAULT_MESSAGES_PER_PARTITION = 600;
    public static final int MAX_N = 64;

    public ScalingConfig {
        if (ns == null || ns.isEmpty()) {
            throw new IllegalArgumentException("n must list at least one consumer count, e.g. 1,2,3,6");
        }
        for (Integer n : ns) {
            if (n == null || n < 1 || n > MAX_N) {
                throw new IllegalArgumentException("n must be in [1, " + MAX_N + "] but got " + n);
            }
        }
        ns = ns.stream().distinct().toList();
        if (messagesPerPartition < 1 || messagesPerPartition > 1_000_000) {
            throw new IllegalArgumentException("messages per partition must be in [1, 1000000] but got "
                    + messagesPerPartition);
        }
        if (!(serviceTimeMillis >= 0 && serviceTimeMillis <= ExperimentConfig.MAX_SERVICE_TIME_MILLIS)) {
            throw new IllegalArgumentException("service time must be in [0, "
                    + (long) ExperimentConfig.MAX_SERVICE_TIME_MILLIS + "] ms but got " + serviceTimeMillis);
        }
        // The baseline is measured anyway; what is compared with it is every strategy of another kind.
        salted = salted == null ? List.of()
                : salted.stream().filter(s -> s.kind() != StrategyKind.BASELINE).distinct().toList();
        if (salted.isEmpty()) {
            throw new IllegalArgumentException("strategies must name at least one salted strategy ("
                    + saltedNames() + ") to compare with FIXED_KEY");
        }
        // Validated the same way as a single run's settings (key, users).
        ExperimentConfig.builder().key(key).users(users).seed(seed).build();
    }

    /** The grid with the defaults: N = 1, 2, 3, 6; 600 requests per partition; 5 ms service time; every salting. */
    public static ScalingConfig defaults() {
        return new ScalingConfig(DEFAULT_NS, DEFAULT_MESSAGES_PER_PARTITION, 5, DEFAULT_SALTED,
                ExperimentConfig.DEFAULT_KEY, 42, 100, true);
    }

    /** The single run for N consumers on N partitions with one strategy. */
    public ExperimentConfig experiment(int n, Strategy strategy) {
        long requests = (long) n * messagesPerPartition;
        // One consumer may have to do all of it (the fixed key): allow three times the ideal time, at least 2 minutes.
        long idealSeconds = (long) Math.ceil(requests * serviceTimeMillis / 1000.0);
        return ExperimentConfig.builder().key(key).partitions(n).consumers(n).messages((int) requests)
                .strategy(strategy).seed(seed).users(users).serviceTimeMillis(serviceTimeMillis)
                .timeout(java.time.Duration.ofSeconds(Math.max(120, 3 * idealSeconds))).build();
    }

    private static String saltedNames() {
        return DEFAULT_SALTED.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
