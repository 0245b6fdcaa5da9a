package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.keys.Strategy;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures whether salting scales a hot key's consumption with the consumer count: for each N, FIXED_KEY and each
 * salted strategy on a fresh N-partition topic with N consumers, all on one backend, back to back, so the ratio
 * salted/fixed compares runs made under the same conditions. A benchmark, not a test: it reports numbers and asserts
 * nothing. Run it with {@code ./hotkey-lab bench}.
 */
public final class ScalingBench {

    /** Hears each run start and finish (a progress line). */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void starting(int n, Strategy strategy, int messages) {
        }

        default void finished(ScalingPoint point) {
        }

        /** Hears each measured run (e.g. a progress bar); none by default. */
        default ExperimentListener run() {
            return ExperimentListener.NONE;
        }
    }

    /** Warm-up requests per partition: enough for the JIT to compile the produce/consume path, short enough not to matter. */
    static final int WARMUP_MESSAGES_PER_PARTITION = 150;

    private final KafkaBackend backend;
    private final ExperimentRunner runner;
    private final int maxPollRecords;

    public ScalingBench(KafkaBackend backend) {
        this(backend, ExperimentRunner.DEFAULT_MAX_POLL_RECORDS);
    }

    public ScalingBench(KafkaBackend backend, int maxPollRecords) {
        this.backend = backend;
        this.maxPollRecords = maxPollRecords;
        this.runner = new ExperimentRunner(backend).with(o -> o.withMaxPollRecords(maxPollRecords));
    }

    /**
     * Runs the grid.
     *
     * @param command how to reproduce this benchmark, recorded in the result
     */
    public ScalingResult run(ScalingConfig config, String command, Listener listener) {
        long start = System.nanoTime();
        long warmupMillis = 0;
        if (config.warmup()) {
            int n = config.ns().stream().mapToInt(Integer::intValue).max().orElse(1);
            warmupMillis = warmUp(runner, config.experiment(n, config.salted().get(0)));
        }
        List<ScalingPoint> points = new ArrayList<>();
        for (int n : config.ns()) {
            ExperimentResult fixed = measure(config, n, Strategy.FIXED_KEY, listener);
            ScalingPoint fixedPoint = ScalingPoint.of(n, fixed, fixed.timing().throughputPerSecond());
            points.add(fixedPoint);
            listener.finished(fixedPoint);
            for (Strategy s : config.salted()) {
                ScalingPoint p = ScalingPoint.of(n, measure(config, n, s, listener), fixed.timing().throughputPerSecond());
                points.add(p);
                listener.finished(p);
            }
        }
        return new ScalingResult(backend.kind().label(), backend.kafkaVersion(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), command, config.key(), config.seed(),
                config.users(), config.messagesPerPartition(), config.serviceTimeMillis(), maxPollRecords,
                Strategy.FIXED_KEY.name(), config.salted().stream().map(Enum::name).toList(), config.ns(), points,
                warmupMillis, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * One short discarded run like {@code like} (at most {@value #WARMUP_MESSAGES_PER_PARTITION} requests per
     * partition, with PARTITION_AWARE_SALT). On a fresh JVM the first run loses about 0.3 s before its
     * first record is processed (class loading, JIT, first connections), which would make whichever strategy runs first
     * look slower than it is.
     *
     * @return how long the warm-up took, in ms
     */
    public static long warmUp(ExperimentRunner runner, ExperimentConfig like) {
        long start = System.nanoTime();
        // Always PARTITION_AWARE_SALT: every consumer's path runs, and no strategy-specific state is touched.
        runner.run(like.toBuilder().strategy(Strategy.PARTITION_AWARE_SALT)
                .messages(Math.min(like.messages(), like.partitions() * WARMUP_MESSAGES_PER_PARTITION)).build());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private ExperimentResult measure(ScalingConfig config, int n, Strategy strategy, Listener listener) {
        ExperimentConfig c = config.experiment(n, strategy);
        listener.starting(n, strategy, c.messages());
        return runner.run(c, listener.run());
    }
}
