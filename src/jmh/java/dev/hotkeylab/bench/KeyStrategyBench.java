package dev.hotkeylab.bench;

import dev.hotkeylab.keys.KeyStrategy;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.StrategyContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-record cost of choosing a key: {@code keyFor} of each strategy on the hot concert, 3 partitions, 1024 users
 * (target: under 100 ns). ADAPTIVE's key is the concert id; its real per-record cost is the partitioner's, measured in
 * {@link AdaptivePartitionerBench}. Run: {@code mvn -B -Pbench test-compile exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyStrategyBench {

    private static final String CONCERT = "SUPER_STAR_CONCERT_2026";

    @Param({"FIXED_KEY", "RANDOM_SALT", "PARTITION_AWARE_SALT", "ENTITY_SALT", "ADAPTIVE"})
    public String strategy;

    private KeyStrategy keys;
    private final String[] users = new String[1024];
    private long sequence;

    @Setup
    public void setup() {
        keys = Strategy.parse(strategy).create(StrategyContext.of(3, 42));
        for (int i = 0; i < users.length; i++) {
            users[i] = "user-" + i;
        }
    }

    @Benchmark
    public String keyFor() {
        long s = sequence++;
        return keys.keyFor(CONCERT, users[(int) (s & 1023)], s);
    }
}
