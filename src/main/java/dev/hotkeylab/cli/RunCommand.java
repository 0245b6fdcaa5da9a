package dev.hotkeylab.cli;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.KafkaBackends;
import dev.hotkeylab.dashboard.DashboardOptions;
import dev.hotkeylab.dashboard.DashboardRun;
import dev.hotkeylab.dashboard.ExperimentRunLauncher;
import dev.hotkeylab.experiment.CommitPolicy;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentException;
import dev.hotkeylab.experiment.ExperimentListener;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.experiment.GroupType;
import dev.hotkeylab.experiment.RecordRetention;
import dev.hotkeylab.experiment.RequestHandler;
import dev.hotkeylab.experiment.ScalingBench;
import dev.hotkeylab.inventory.InventoryConfig;
import dev.hotkeylab.inventory.InventoryRequestHandler;
import dev.hotkeylab.inventory.InventoryStore;
import dev.hotkeylab.inventory.InventorySummary;
import dev.hotkeylab.inventory.StoreKind;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import dev.hotkeylab.report.ComparisonTable;
import dev.hotkeylab.report.InventoryRun;
import dev.hotkeylab.report.ReportWriter;
import dev.hotkeylab.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hotkey-lab run}: runs each strategy on the chosen backend, prints the seed's comparison table with measured
 * numbers and writes the report folder.
 *
 * <pre>
 * ./hotkey-lab run --no-serve
 * Kafka backend: embedded Kafka 4.3.1 (1 broker) at localhost:41234 (no bootstrap address configured and Docker is not available)
 * ...                      FIXED_KEY     RANDOM_SALT     PARTITION_AWARE_SALT
 * records per partition    0 / 0 / 1000  0 / 338 / 662   333 / 334 / 333
 * </pre>
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the hot-key experiment for each strategy, print the comparison and write the report.")
final class RunCommand implements Callable<Integer> {

    /** The longest --timeout: one day per strategy. */
    static final long MAX_TIMEOUT_SECONDS = WorkloadOptions.MAX_TIMEOUT_SECONDS;

    @Mixin
    WorkloadOptions workload;

    /** The report folder. */
    @Mixin
    OutFolder out = new OutFolder("target/hotkey-report");

    @Option(names = "--no-serve", description = "Exit when the report is written instead of serving the dashboard.")
    boolean noServe;

    @Mixin
    ServingOptions serving;

    @Option(names = "--inventory", paramLabel = "STORE", split = ",",
            description = "Reserve a seat for every request in these stores: naive-redis, naive-sql, redis-lua, "
                    + "sql-conditional, sql-optimistic, in-memory (default: none).")
    List<String> inventory;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ExperimentConfig> configs = configs();
        AdaptivePartitionerConfig adaptiveConfig = workload.adaptiveConfig();
        List<StoreKind> stores = inventory == null ? List.of()
                : inventory.stream().map(StoreKind::parse).distinct().toList();
        InventoryConfig inventoryConfig = inventoryConfig();
        DashboardOptions dashboardOptions = noServe ? null : serving.dashboardOptions().withReportDir(this.out.path);
        this.out.requireWritable();
        CommitPolicy commitPolicy = workload.commitPolicy();
        RecordRetention records = workload.records();
        var choice = backendOptions.choice();
        Limits.requireHeapForRequests(workload.messages);
        if (BackendOptions.mayEmbed(choice)) {
            Limits.requirePartitions(workload.partitions, choice.brokers());
            // Deleted as consumed, a run holds at most its own unconsumed tail (all of it, if nothing is consumed).
            // (auto keeps every record while serving the dashboard, which keeps the runs' topics)
            boolean trimmed = (noServe || records != RecordRetention.AUTO)
                    && workload.groupTypes().stream().allMatch(t -> records.resolve(workload.messages, t)
                    == RecordRetention.DELETE_CONSUMED);
            Limits.requireDiskForRequests(trimmed ? workload.messages
                    : (long) workload.messages * configs.size() * Math.max(1, stores.size()));
        }
        List<ExperimentResult> results = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<InventoryRun> inventoryRuns = new ArrayList<>();
        List<DashboardRun> dashboardRuns = new ArrayList<>();
        boolean interrupted;
        // Ctrl-C or SIGTERM before the dashboard serves (and in --no-serve mode) interrupts this thread: the runs stop
        // and the try-with-resources below closes the broker and the stores, which drop their data.
        Shutdown.Guard guard = Shutdown.interruptOnSignal(Thread.currentThread());
        // Stores are opened first, then the dashboard's port is taken: a wrong URL or a taken port is an error within
        // seconds, before any broker starts.
        try (guard;
                InventoryStoreSet storeSet = InventoryStoreSet.open(stores, inventoryConfig);
                Serving serving = Serving.start(dashboardOptions, out);
                KafkaBackend backend = KafkaBackends.open(choice, out)) {
            try {
                ExperimentRunner warm = new ExperimentRunner(backend)
                        .with(o -> o.withCommits(commitPolicy).withRecords(records));
                warmUp(warm, configs.get(0));
                ExperimentRunner runner = serving.keepingTopics(adaptiveConfig == null ? warm
                        : warm.with(o -> o.withAdaptive(adaptiveConfig)));
                ExperimentRunLauncher launcher = serving.attach(runner, backend.clientConfig());
                if (launcher != null) {
                    launcher.hold(); // the page's form waits until the main job's runs are done
                }
                try {
                    for (GroupTypeRun groupRun : groupTypeRuns(configs)) {
                        ExperimentConfig config = groupRun.config();
                        ExperimentRunner typed = runner.with(o -> o.withGroupType(groupRun.type()));
                        if (storeSet.isEmpty()) {
                            DashboardRun shown = serving.show(groupRun.label(), backend.clientConfig());
                            results.add(runOne(typed, config, null, out, shown));
                            labels.add(groupRun.label());
                            dashboardRuns.add(shown);
                            continue;
                        }
                        for (InventoryStore store : storeSet) {
                            String label = groupRun.label() + " + " + store.name();
                            DashboardRun shown = serving.show(label, backend.clientConfig());
                            InventoryRequestHandler handler = InventoryRequestHandler.prepare(store, config.key(),
                                    storeOptions.capacity, config.serviceTimeMillis());
                            ExperimentResult r = runOne(typed, config, handler, out, shown);
                            InventorySummary summary = handler.summary();
                            out.println("  inventory " + summary.describe());
                            results.add(r);
                            labels.add(label);
                            dashboardRuns.add(shown);
                            InventoryRun inventoryRun = InventoryRun.of(r, summary, handler.log());
                            inventoryRuns.add(inventoryRun);
                            serving.inventory(shown, inventoryRun);
                        }
                    }
                } finally {
                    if (launcher != null) {
                        launcher.release();
                    }
                }
                Map<String, Object> sections = new LinkedHashMap<>();
                if (!inventoryRuns.isEmpty()) {
                    sections.put("inventory", inventoryRuns);
                }
                RunReport report = new RunReport(backend.kind().label(), backend.kafkaVersion(), workload.traffic.seed(),
                        OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), reproduceCommand(),
                        RunReport.thisMachine(), results, sections);
                Path written = ReportWriter.complete().write(report, this.out.path);
                out.println();
                out.print(new ComparisonTable(results, labels).toText());
                out.println();
                if (!inventoryRuns.isEmpty()) {
                    out.print(InventoryRun.table(inventoryRuns).toText());
                    out.println();
                }
                out.println("Report: " + written.resolve("index.html") + ", report.md and results.json");
                serving.reportWritten(dashboardRuns, written.resolve("report.md"));
            } catch (RuntimeException e) {
                throw guard.translate(e);
            }
            if (guard.disarm()) {
                throw new Shutdown.Stopped();
            }
            interrupted = serving.untilInterrupted(out);
        } catch (RuntimeException e) {
            throw guard.translate(e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The warm-up's own limit, so that --timeout bounds each strategy's run only: the default --timeout. */
    static final java.time.Duration WARMUP_TIMEOUT = java.time.Duration.ofSeconds(120);

    /**
     * A short discarded run before the strategies: on a cold JVM the first strategy (FIXED_KEY) would lose ~0.3 s
     * before its first record. It has its own limit (the longer of --timeout and {@link #WARMUP_TIMEOUT}) and a failure
     * says it was the warm-up.
     */
    private static void warmUp(ExperimentRunner runner, ExperimentConfig like) {
        java.time.Duration timeout = like.timeout().compareTo(WARMUP_TIMEOUT) > 0 ? like.timeout() : WARMUP_TIMEOUT;
        try {
            ScalingBench.warmUp(runner, like.toBuilder().timeout(timeout).build());
        } catch (ExperimentException e) {
            throw new ExperimentException("the warm-up run (discarded, before the strategies) "
                    + "failed: " + e.getMessage(), e);
        }
    }

    /** One strategy consumed one way; labelled "FIXED_KEY" for a consumer group, "FIXED_KEY (share)" for a share one. */
    private record GroupTypeRun(GroupType type, ExperimentConfig config) {
        String label() {
            return config.strategy().name() + (type == GroupType.CLASSIC ? "" : " (" + type.label() + ")");
        }
    }

    /** Every strategy per group type, the group types in the order given. */
    private List<GroupTypeRun> groupTypeRuns(List<ExperimentConfig> configs) {
        List<GroupTypeRun> runs = new ArrayList<>();
        for (GroupType type : workload.groupTypes()) {
            configs.forEach(c -> runs.add(new GroupTypeRun(type, c)));
        }
        return runs;
    }

    private ExperimentResult runOne(ExperimentRunner runner, ExperimentConfig config, RequestHandler handler,
            PrintWriter out, DashboardRun shown) {
        boolean share = runner.options().groupType() == GroupType.SHARE;
        String members = share ? "share members" : "consumers";
        // A share member (ShareMember) acknowledges each record and commits the acknowledgements after every batch;
        // of the commit policy only max.poll.records applies to it.
        String commits = share ? "acknowledgements: explicit (ACCEPT after handling, RELEASE on failure), commitSync "
                + "after every batch (max.poll.records " + runner.options().commits().maxPollRecords() + ")"
                : "commits: " + runner.options().commits().describe();
        out.printf("Running %s: %d requests on %d partitions, %d %s, %s, records: %s...%n",
                config.strategy(), config.messages(), config.partitions(), config.consumers(), members,
                commits, runner.options().recordsFor(config.messages())
                        .describe());
        // The bar (me.tongfei:progressbar) draws on the terminal's stderr itself, and only where there is a terminal.
        ProgressBars bars = new ProgressBars(System.err);
        ExperimentListener listener = shown == null ? bars : bars.and(shown);
        ExperimentResult r;
        try (bars) {
            r = handler == null ? runner.run(config, listener) : runner.run(config, listener, handler);
        } catch (RuntimeException e) {
            if (shown != null) {
                shown.failed(e);
            }
            throw e;
        }
        out.printf("  done in %.2f s: records per partition %s, %d of %d %s active%n",
                r.timing().drainMillis() / 1000.0, r.distribution().perPartition(), r.spread().activeConsumers(), r.setup().consumers(), members);
        return r;
    }

    private InventoryConfig inventoryConfig() {
        return storeOptions.config().build();
    }

    /** @throws IllegalArgumentException naming the first bad value, before anything starts */
    List<ExperimentConfig> configs() {
        serving.dashboardOptions();
        return workload.configs();
    }

    /**
     * Every workload option with the value it had ({@link ReproduceLine}), and the backend's broker count and the
     * inventory stores when given; never --redis or --jdbc, whose URLs may carry a password.
     */
    String reproduceCommand() {
        return ReproduceLine.of("./hotkey-lab run --no-serve", spec, spec.mixins().get("workload").options(),
                List.of("--brokers", "--inventory", "--capacity"));
    }
}
