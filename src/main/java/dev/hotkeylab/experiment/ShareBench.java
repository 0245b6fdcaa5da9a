package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.keys.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The two answers to a hot key side by side, for each N: N share-group members (KIP-932) on the hot key's single
 * partition, against salting (PARTITION_AWARE_SALT) over N partitions with a consumer group of N, both against the
 * fixed key with a consumer group of N on N partitions (one member works). Same requests per run (N times
 * {@link ScalingConfig#messagesPerPartition()}), same backend, back to back. The share runs use a one-partition topic:
 * Kafka 4.3's share assignor spreads members evenly over partitions, so only there do all N members share the hot
 * partition. A benchmark: it reports, it asserts nothing.
 */
public final class ShareBench {

    /**
     * One N.
     *
     * @param fixed  FIXED_KEY, consumer group of N on N partitions
     * @param salted PARTITION_AWARE_SALT, consumer group of N on N partitions
     * @param share  FIXED_KEY, share group of N on one partition
     */
    public record Row(int n, ExperimentResult fixed, ExperimentResult salted, ExperimentResult share) {

        public double saltedSpeedup() {
            return salted.timing().throughputPerSecond() / fixed.timing().throughputPerSecond();
        }

        public double shareSpeedup() {
            return share.timing().throughputPerSecond() / fixed.timing().throughputPerSecond();
        }
    }

    private final ExperimentRunner runner;

    public ShareBench(KafkaBackend backend) {
        this.runner = new ExperimentRunner(backend);
    }

    public List<Row> run(ScalingConfig config, Consumer<String> progress) {
        if (config.warmup()) {
            int n = config.ns().stream().mapToInt(Integer::intValue).max().orElse(1);
            ScalingBench.warmUp(runner
                    .with(o -> o.withGroupType(GroupType.CLASSIC)), config.experiment(n, Strategy.FIXED_KEY));
            ScalingBench.warmUp(runner
                    .with(o -> o.withGroupType(GroupType.SHARE)), config.experiment(n, Strategy.FIXED_KEY));
        }
        List<Row> rows = new ArrayList<>();
        for (int n : config.ns()) {
            ExperimentResult fixed = runner
                    .with(o -> o.withGroupType(GroupType.CLASSIC)).run(config.experiment(n, Strategy.FIXED_KEY));
            progress.accept(line(n, "FIXED_KEY, consumer group", fixed));
            ExperimentResult salted = runner.run(config.experiment(n, Strategy.PARTITION_AWARE_SALT));
            progress.accept(line(n, "PARTITION_AWARE_SALT, consumer group", salted));
            ExperimentResult share = runner.with(o -> o.withGroupType(GroupType.SHARE))
                    .run(config.experiment(n, Strategy.FIXED_KEY).toBuilder().partitions(1).build());
            progress.accept(line(n, "FIXED_KEY, share group, 1 partition", share));
            rows.add(new Row(n, fixed, salted, share));
        }
        return rows;
    }

    private static String line(int n, String what, ExperimentResult r) {
        return String.format(java.util.Locale.ROOT, "  N=%d %-38s %6d requests in %6.2f s: %5.0f rec/s, %d of %d "
                + "active", n, what, r.setup().messages(), r.timing().drainMillis() / 1000.0, r.timing().throughputPerSecond(),
                r.spread().activeConsumers(), r.setup().consumers());
    }
}
