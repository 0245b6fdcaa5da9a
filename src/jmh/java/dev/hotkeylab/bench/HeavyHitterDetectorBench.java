package dev.hotkeylab.bench;

import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.hotkeys.HeavyHitterDetector;
import dev.hotkeylab.hotkeys.ZipfKeys;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Per-record cost of a detector update ({@link HeavyHitterDetector#observe}) on a Zipf(1.0) stream over 10,000 keys,
 * a 10 s or a 100,000-record window in 10 panes (target: under 200 ns). K = 32 evicts on most tail records (a hash-map remove and put);
 * K = 1024 evicts rarely. {@code observeTwoThreads} shares one detector between 2 threads: the lock's contention.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeavyHitterDetectorBench {

    private static final int STREAM = 1 << 16;

    @Param({"32", "1024"})
    public int topK;

    /** A time window reads the clock on every record; a record window does not. */
    @Param({"MILLISECONDS", "RECORDS"})
    public String window;

    private final String[] keys = new String[STREAM];
    private HeavyHitterDetector detector;
    private final AtomicInteger threadIds = new AtomicInteger();

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup
        public void setup(HeavyHitterDetectorBench bench) {
            next = bench.threadIds.getAndIncrement() * 7919;
        }
    }

    @Setup
    public void setup() {
        ZipfKeys zipf = ZipfKeys.of("key-", 10_000, 1.0, new Random(42));
        for (int i = 0; i < STREAM; i++) {
            keys[i] = zipf.next();
        }
        HeavyHitterConfig config = HeavyHitterConfig.defaults().withTopK(topK);
        detector = new HeavyHitterDetector(window.equals("RECORDS") ? config.withRecordWindow(100_000) : config);
    }

    @Benchmark
    public boolean observe(Cursor cursor) {
        return detector.observe(keys[cursor.next++ & (STREAM - 1)]);
    }

    @Benchmark
    @Threads(2)
    public boolean observeTwoThreads(Cursor cursor) {
        return detector.observe(keys[cursor.next++ & (STREAM - 1)]);
    }
}
