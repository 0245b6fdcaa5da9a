package dev.hotkeylab.cli;

import dev.hotkeylab.broker.BackendChoice;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.KafkaBackends;
import dev.hotkeylab.experiment.ScalingConfig;
import dev.hotkeylab.experiment.ShareBench;
import dev.hotkeylab.report.TextTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code bench --group-type share}: runs {@link ShareBench} and prints its table. */
final class ShareBenchOutput {

    private ShareBenchOutput() {
    }

    static int run(ScalingConfig config, BackendChoice choice, PrintWriter out) {
        long start = System.nanoTime();
        List<ShareBench.Row> rows;
        try (KafkaBackend backend = KafkaBackends.open(choice, out)) {
            out.printf(Locale.ROOT, "Share bench: N = %s, %d requests per partition of the salted run (N times as many per run), %.1f ms service time; N share members on "
                    + "one partition against PARTITION_AWARE_SALT on N partitions%n",
                    config.ns().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    config.messagesPerPartition(), config.serviceTimeMillis());
            rows = new ShareBench(backend).run(config, out::println);
        }
        out.println();
        out.print(table(rows).toText());
        out.println();
        out.printf(Locale.ROOT, "%.0f s in all.%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    static TextTable table(List<ShareBench.Row> rows) {
        return new TextTable(List.of("N", "FIXED_KEY, consumer group (rec/s)", "salted, N partitions",
                "FIXED_KEY, N share members on 1 partition", "share: out of order per concert", "linear limit"),
                rows.stream().map(r -> List.of(String.valueOf(r.n()),
                        String.format(Locale.ROOT, "%.0f", r.fixed().timing().throughputPerSecond()),
                        String.format(Locale.ROOT, "%.2fx (%d of %d active)", r.saltedSpeedup(),
                                r.salted().spread().activeConsumers(), r.n()),
                        String.format(Locale.ROOT, "%.2fx (%d of %d active)", r.shareSpeedup(),
                                r.share().spread().activeConsumers(), r.n()),
                        String.valueOf(r.share().ordering().orderingViolationsPerConcert()),
                        r.n() + "x")).toList());
    }
}
