package dev.hotkeylab.cli;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.KafkaBackends;
import dev.hotkeylab.experiment.ExperimentListener;
import dev.hotkeylab.experiment.GroupType;
import dev.hotkeylab.experiment.ScalingBench;
import dev.hotkeylab.experiment.ScalingConfig;
import dev.hotkeylab.experiment.ScalingPoint;
import dev.hotkeylab.experiment.ScalingResult;
import dev.hotkeylab.inventory.InventoryBench;
import dev.hotkeylab.inventory.StoreKind;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.report.BenchTable;
import dev.hotkeylab.report.HtmlReport;
import dev.hotkeylab.report.ReportSections;
import dev.hotkeylab.report.ReportWriter;
import dev.hotkeylab.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hotkey-lab bench}: does salting really multiply throughput by the consumer count? For each N, FIXED_KEY
 * and every salted strategy on a fresh N-partition topic with N consumers, back to back on one backend; prints the
 * throughputs, the speed-ups salted/fixed and the linear limit N, and puts the figures in the report's {@code bench}
 * section.
 *
 * <p>The report folder is merged, not replaced: the experiments and sections of an existing {@code results.json} in
 * {@code --out} are kept, only {@code bench} is set, and the whole folder (JSON, Markdown, HTML, charts) is written
 * again atomically. {@code run} in turn keeps the {@code bench} section it finds. About 90 s with the defaults.
 *
 * <pre>
 * ./hotkey-lab bench
 * N   requests   FIXED_KEY rec/s   PARTITION_AWARE_SALT rec/s   ...   speed-up PARTITION_AWARE_SALT   ...   linear limit
 * 3   1800       191               567                          ...   2.97x                           ...   3x
 * </pre>
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure throughput scaling: FIXED_KEY against salted keys for N consumers on N partitions.",
                "--group-type share also runs N share-group members on the hot key's one partition (printed, not "
                        + "written to the report)."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--n", paramLabel = "N", split = ",", defaultValue = "1,2,3,6",
            description = "Consumer counts to measure; each runs on as many partitions (default: ${DEFAULT-VALUE}).")
    List<Integer> ns;

    @Option(names = "--messages", paramLabel = "PER_PARTITION", defaultValue = "600",
            description = "Requests per partition: a run with N partitions sends N x this (default: ${DEFAULT-VALUE}).")
    int messagesPerPartition;

    @Mixin
    TrafficOptions traffic;

    @Option(names = "--strategies", paramLabel = "S", split = ",", converter = StrategyConverter.class,
            completionCandidates = Strategy.Names.class,
            description = "Strategies to compare with FIXED_KEY, from ${COMPLETION-CANDIDATES} "
                    + "(default: every salted-key strategy).")
    List<Strategy> strategies;

    @Option(names = "--no-warmup", description = "Skip the discarded warm-up run (the first measured run is then "
            + "slowed by a cold JIT).")
    boolean noWarmup;

    /** share: also N share-group members on the hot key's one partition (printed, not written to the report). */
    @Mixin
    GroupTypeOption groupType;

    @Option(names = "--perf", paramLabel = "REQUESTS", arity = "0..1", fallbackValue = "1000000",
            description = "Instead: Kafka's ProducerPerformance and ConsumerPerformance beside the harness at service "
                    + "time 0, REQUESTS records each (default with the flag alone: ${FALLBACK-VALUE}); the ratios go "
                    + "to the report's perf section.")
    Integer perf;

    /** The report folder the bench section is merged into. */
    @Mixin
    OutFolder out = new OutFolder("target/hotkey-report");

    @Mixin
    BackendOptions backendOptions;

    @Option(names = "--inventory", paramLabel = "STORE[,STORE...]", arity = "0..1", fallbackValue = "all",
            description = "Instead: reservations per second of each inventory store on one hot concert "
                    + "(default stores with the flag alone: all).")
    String inventory;

    @Option(names = "--threads", defaultValue = "6", description = "--inventory: concurrent reservers (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--requests", defaultValue = "20000", description = "--inventory: reservations per store (default: ${DEFAULT-VALUE}).")
    int requests;

    /** More seats than a run sells out: the reservers keep reserving. */
    @Mixin
    StoreOptions storeOptions = new StoreOptions(1000);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (inventory != null && perf != null) {
            throw new IllegalArgumentException("--inventory and --perf are two different benchmarks; give one of them");
        }
        if (inventory != null) {
            List<StoreKind> stores = inventory.equalsIgnoreCase("all") ? List.of(StoreKind.values())
                    : java.util.Arrays.stream(inventory.split(",")).map(StoreKind::parse).distinct().toList();
            InventoryBench.run(InventoryBench.Options.of(threads, requests, storeOptions.capacity, stores,
                    storeOptions.config().build()), out);
            return 0;
        }
        if (perf != null) {
            return PerfBenchOutput.run(perf, traffic.seed(), backendOptions.choice(), this.out.path, out);
        }
        ScalingConfig config = config();
        if (groupType.type() == GroupType.SHARE) {
            return ShareBenchOutput.run(config, backendOptions.choice(), out);
        }
        this.out.requireWritable();
        ReportSections.read(this.out.path);
        var choice = backendOptions.choice();
        int largestN = config.ns().stream().mapToInt(Integer::intValue).max().orElse(1);
        Limits.requireHeapForRequests((long) largestN * config.messagesPerPartition());
        if (BackendOptions.mayEmbed(choice)) {
            Limits.requirePartitions(largestN, choice.brokers());
        }
        ScalingResult result;
        try (KafkaBackend backend = KafkaBackends.open(choice, out)) {
            out.printf(Locale.ROOT, "Bench: N = %s, %d requests per partition, %.1f ms service time; FIXED_KEY "
                    + "against %s%n", config.ns().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    config.messagesPerPartition(), config.serviceTimeMillis(),
                    config.salted().stream().map(Enum::name).collect(Collectors.joining(", ")));
            result = new ScalingBench(backend).run(config, reproduceCommand(), new Progress(out));
        }
        // Read again now: a run may have written the folder while the benchmark ran.
        RunReport report = ReportSections.read(this.out.path)
                .orElseGet(() -> new RunReport(result.backend(), result.kafkaVersion(), traffic.seed(), result.generatedAt(),
                        result.command(), RunReport.thisMachine(), List.of(), Map.of()))
                .withSection(ReportSections.BENCH, result);
        Path written = ReportWriter.complete().write(report, this.out.path);
        out.println();
        out.print(BenchTable.of(result).toText());
        out.println();
        out.printf(Locale.ROOT, "%.0f s in all. Report: %s (bench section of %s)%n", result.totalMillis() / 1000.0,
                written.resolve(HtmlReport.FILE), written.resolve(ReportSections.RESULTS_JSON));
        return 0;
    }

    ScalingConfig config() {
        List<Strategy> salted = strategies == null ? ScalingConfig.DEFAULT_SALTED : List.copyOf(strategies);
        return new ScalingConfig(ns, messagesPerPartition, traffic.serviceTime(), salted, traffic.key(), traffic.seed(),
                traffic.users(), !noWarmup);
    }

    /** The parsed workload ({@link ReproduceLine}): N, messages, strategies and the traffic options. */
    String reproduceCommand() {
        List<picocli.CommandLine.Model.OptionSpec> always = new java.util.ArrayList<>();
        for (String name : List.of("--n", "--messages", "--strategies")) {
            always.add(spec.findOption(name));
        }
        always.addAll(spec.mixins().get("traffic").options());
        return ReproduceLine.of("./hotkey-lab bench", spec, always, List.of("--no-warmup", "--brokers"));
    }

    /** One line per finished run. */
    private static final class Progress implements ScalingBench.Listener {
        private final PrintWriter out;

        Progress(PrintWriter out) {
            this.out = out;
        }

        private final ProgressBars bars = new ProgressBars(System.err);

        @Override
        public ExperimentListener run() {
            return bars;
        }

        @Override
        public void finished(ScalingPoint p) {
            bars.close();
            out.printf(Locale.ROOT, "  N=%d %-21s %5d requests in %6.2f s: %5.0f rec/s, %.2fx FIXED_KEY, %d of %d "
                    + "consumers active%n", p.n(), p.strategy(), p.messages(), p.drainMillis() / 1000.0,
                    p.throughputPerSecond(), p.speedupVsFixed(), p.activeConsumers(), p.n());
        }
    }
}
