package dev.hotkeylab.cli;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentListener;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.experiment.GroupType;
import dev.hotkeylab.dashboard.DashboardOptions;
import dev.hotkeylab.dashboard.DashboardRun;
import dev.hotkeylab.dashboard.ExperimentRunLauncher;
import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import dev.hotkeylab.experiment.RequestHandler;
import dev.hotkeylab.inventory.InventoryConfig;
import dev.hotkeylab.inventory.InventoryRequestHandler;
import dev.hotkeylab.inventory.InventoryStore;
import dev.hotkeylab.inventory.InventorySummary;
import dev.hotkeylab.inventory.StoreKind;
import dev.hotkeylab.report.InventoryRun;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.report.ComparisonTable;
import dev.hotkeylab.report.ReportWriter;
import dev.hotkeylab.report.RunReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    static final long MAX_TIMEOUT_SECONDS = 86_400;

    @Option(names = "--key", defaultValue = ExperimentConfig.DEFAULT_KEY,
            description = "The hot concert id (default: ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "3", description = "Partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000", description = "Ticket requests per strategy (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--consumers", paramLabel = "C", defaultValue = "3", description = "Consumers in the group (default: ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--strategies", paramLabel = "S[,S...]", split = ",", converter = StrategyConverter.class,
            completionCandidates = Strategy.Names.class,
            description = "Strategies to compare, from ${COMPLETION-CANDIDATES} (default: all).")
    List<Strategy> strategies;

    @Option(names = "--group-type", paramLabel = "T[,T...]", split = ",", defaultValue = "classic",
            description = "How the consumers share the topic: classic (a consumer group: one member per partition) or "
                    + "share (a share group, KIP-932, Kafka >= 4.2: members share partitions record by record); "
                    + "classic,share runs both (default: ${DEFAULT-VALUE}).")
    List<String> groupTypes;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for salts and users (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--service-time", paramLabel = "MS", defaultValue = "5",
            description = "What handling one request costs a consumer, in ms (default: ${DEFAULT-VALUE}).")
    double serviceTime;

    @Option(names = "--users", defaultValue = "100", description = "Distinct users sending requests (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--salt-buckets", paramLabel = "B", description = "B for RANDOM_SALT (default: the partition count).")
    Integer saltBuckets;

    @Option(names = "--quiet-concerts", paramLabel = "Q", defaultValue = "0",
            description = "Concerts besides --key that requests are for, Zipf-distributed (default: ${DEFAULT-VALUE}: "
                    + "every request is for --key).")
    int quietConcerts;

    @Option(names = "--zipf", paramLabel = "S", defaultValue = "1.0",
            description = "Zipf exponent over --key (rank 1) and the quiet concerts (default: ${DEFAULT-VALUE}).")
    double zipfExponent;

    @Option(names = "--adaptive-threshold", paramLabel = "SHARE",
            description = "ADAPTIVE: share of recent traffic that makes a key hot, in (0, 1] (default: the "
                    + "partitioner's own, 0.2).")
    Double adaptiveThreshold;

    @Option(names = "--commits", paramLabel = "MODE", defaultValue = "auto",
            description = "How consumers fetch and commit: small-batches (50 records, commitSync after each), "
                    + "throughput (500 records, commitAsync every 10000 records or 200 ms) or auto (throughput at "
                    + "--service-time 0, else small-batches) (default: ${DEFAULT-VALUE}).")
    String commits;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long one strategy's run may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/hotkey-report",
            description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-serve", description = "Exit when the report is written instead of serving the dashboard.")
    boolean noServe;

    @Option(names = "--host", defaultValue = DashboardOptions.DEFAULT_HOST,
            description = "Address the dashboard listens on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Dashboard port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--inventory", paramLabel = "STORE[,STORE...]", split = ",",
            description = "Reserve a seat for every request in these stores: naive-redis, naive-sql, redis-lua, "
                    + "sql-conditional, sql-optimistic, in-memory (default: none).")
    List<String> inventory;

    @Option(names = "--capacity", paramLabel = "SEATS", defaultValue = "100",
            description = "Seats of the concert when --inventory is used (default: ${DEFAULT-VALUE}).")
    int capacity;

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis for the Redis stores (default: $HOTKEY_REDIS_URL or redis://127.0.0.1:6379).")
    String redis;

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "PostgreSQL for the SQL stores (default: $HOTKEY_JDBC_URL or "
                    + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres).")
    String jdbc;

    @Mixin
    BackendOptions backendOptions;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        List<ExperimentConfig> configs = configs();
        // Built (and so validated) before anything starts: a bad threshold is refused in milliseconds, not after the
        // broker's start.
        AdaptivePartitionerConfig adaptiveConfig = adaptiveThreshold == null ? null : AdaptivePartitionerConfig
                .defaults().withDetector(HeavyHitterConfig.defaults().withThreshold(adaptiveThreshold));
        List<StoreKind> stores = inventory == null ? List.of()
                : inventory.stream().map(StoreKind::parse).distinct().toList();
        InventoryConfig inventoryConfig = inventoryConfig();
        DashboardOptions dashboardOptions = noServe ? null
                : DashboardOptions.defaults().withHost(host).withPort(port).withReportDir(this.out);
        ReportWriter.checkWritable(this.out);
        dev.hotkeylab.experiment.CommitPolicy commitPolicy = dev.hotkeylab.experiment.CommitPolicy.parse(commits,
                serviceTime);
        var choice = backendOptions.choice();
        Limits.requireHeapForRequests(messages);
        if (BackendOptions.mayEmbed(choice)) {
            Limits.requirePartitions(partitions, choice.brokers());
            Limits.requireDiskForRequests((long) messages * configs.size() * Math.max(1, stores.size()));
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
                KafkaBackend backend = dev.hotkeylab.broker.KafkaBackends.open(choice, out)) {
            try {
                ExperimentRunner runner = new ExperimentRunner(backend)
                        .commits(commitPolicy);
                // Discarded: on a cold JVM the first strategy (FIXED_KEY) would lose ~0.3 s before its first record.
                dev.hotkeylab.experiment.ScalingBench.warmUp(runner, configs.get(0));
                if (adaptiveConfig != null) {
                    runner.adaptive(adaptiveConfig);
                }
                ExperimentRunLauncher launcher = serving.attach(runner, backend.clientConfig());
                if (launcher != null) {
                    launcher.hold(); // the page's form waits until the main job's runs are done
                }
                try {
                    for (GroupTypeRun groupRun : groupTypeRuns(configs)) {
                        ExperimentConfig config = groupRun.config();
                        runner.groupType(groupRun.type());
                        if (storeSet.isEmpty()) {
                            DashboardRun shown = serving.show(groupRun.label(), backend.clientConfig());
                            results.add(runOne(runner, config, null, out, shown));
                            labels.add(groupRun.label());
                            dashboardRuns.add(shown);
                            continue;
                        }
                        for (InventoryStore store : storeSet) {
                            String label = groupRun.label() + " + " + store.name();
                            DashboardRun shown = serving.show(label, backend.clientConfig());
                            InventoryRequestHandler handler = InventoryRequestHandler.prepare(store, config.key(),
                                    capacity, config.serviceTimeMillis());
                            ExperimentResult r = runOne(runner, config, handler, out, shown);
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
                    runner.groupType(GroupType.CLASSIC);
                    if (launcher != null) {
                        launcher.release();
                    }
                }
                Map<String, Object> sections = new LinkedHashMap<>();
                if (!inventoryRuns.isEmpty()) {
                    sections.put("inventory", inventoryRuns);
                }
                RunReport report = new RunReport(backend.kind().label(), backend.kafkaVersion(), seed,
                        OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), reproduceCommand(),
                        RunReport.thisMachine(), results, sections);
                Path written = ReportWriter.complete().write(report, this.out);
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

    /** One strategy consumed one way; labelled "FIXED_KEY" for a consumer group, "FIXED_KEY (share)" for a share one. */
    private record GroupTypeRun(GroupType type, ExperimentConfig config) {
        String label() {
            return config.strategy().name() + (type == GroupType.CLASSIC ? "" : " (" + type.label() + ")");
        }
    }

    /** Every strategy per group type, the group types in the order given. */
    private List<GroupTypeRun> groupTypeRuns(List<ExperimentConfig> configs) {
        List<GroupTypeRun> runs = new ArrayList<>();
        for (GroupType type : groupTypes()) {
            configs.forEach(c -> runs.add(new GroupTypeRun(type, c)));
        }
        return runs;
    }

    List<GroupType> groupTypes() {
        return groupTypes == null || groupTypes.isEmpty() ? List.of(GroupType.CLASSIC)
                : groupTypes.stream().map(GroupType::parse).distinct().toList();
    }

    private ExperimentResult runOne(ExperimentRunner runner, ExperimentConfig config, RequestHandler handler,
            PrintStream out, DashboardRun shown) {
        String members = runner.groupType() == GroupType.SHARE ? "share members" : "consumers";
        out.printf("Running %s: %d requests on %d partitions, %d %s, commits: %s...%n", config.strategy(),
                config.messages(), config.partitions(), config.consumers(), members, runner.commits().describe());
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
                r.drainMillis() / 1000.0, r.perPartition(), r.activeConsumers(), r.consumers(), members);
        return r;
    }

    private InventoryConfig inventoryConfig() {
        InventoryConfig.Builder b = InventoryConfig.fromEnvironment().toBuilder().capacity(capacity);
        if (redis != null) {
            b.redisUrl(redis);
        }
        if (jdbc != null) {
            b.jdbcUrl(jdbc);
        }
        return b.build();
    }

    List<ExperimentConfig> configs() {
        List<Strategy> chosen = strategies == null || strategies.isEmpty()
                ? Arrays.asList(Strategy.values())
                : strategies.stream().distinct().toList();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535] but got " + port);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("timeout must be in [1, " + MAX_TIMEOUT_SECONDS + "] s but got "
                    + timeoutSeconds);
        }
        groupTypes();
        List<ExperimentConfig> configs = new ArrayList<>();
        for (Strategy s : chosen) {
            configs.add(ExperimentConfig.builder().key(key).partitions(partitions).messages(messages)
                    .consumers(consumers).strategy(s).saltBuckets(saltBuckets).seed(seed).users(users)
                    .serviceTimeMillis(serviceTime).timeout(Duration.ofSeconds(timeoutSeconds))
                    .quietConcerts(quietConcerts).zipfExponent(zipfExponent).build());
        }
        return configs;
    }

    String reproduceCommand() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("--key", key);
        args.put("--partitions", partitions);
        args.put("--messages", messages);
        args.put("--consumers", consumers);
        args.put("--seed", seed);
        args.put("--service-time", serviceTime);
        if (quietConcerts > 0) {
            args.put("--quiet-concerts", quietConcerts);
            args.put("--zipf", zipfExponent);
        }
        if (!groupTypes().equals(List.of(GroupType.CLASSIC))) {
            args.put("--group-type", String.join(",", groupTypes().stream().map(GroupType::label).toList()));
        }
        if (inventory != null && !inventory.isEmpty()) {
            args.put("--inventory", String.join(",", inventory));
            args.put("--capacity", capacity);
        }
        if (strategies != null && !strategies.isEmpty()) {
            args.put("--strategies", strategies.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        // Every value shell-quoted: a key like "x; rm -rf ~" pasted back is a key, not a second command.
        StringBuilder cmd = new StringBuilder("./hotkey-lab run --no-serve");
        args.forEach((k, v) -> cmd.append(' ').append(k).append(' ')
                .append(dev.hotkeylab.keys.Keys.shellQuoted(String.valueOf(v))));
        return cmd.toString();
    }
}
