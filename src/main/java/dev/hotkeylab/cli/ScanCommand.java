package dev.hotkeylab.cli;

import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.report.ReportFolder;
import dev.hotkeylab.scan.KeyTally;
import dev.hotkeylab.scan.ScanAdvice;
import dev.hotkeylab.scan.ScanConfig;
import dev.hotkeylab.scan.ScanOutput;
import dev.hotkeylab.scan.ScanResult;
import dev.hotkeylab.scan.TopicScanner;
import dev.hotkeylab.whatif.ClientModel;
import dev.hotkeylab.whatif.KeyCounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scan}: reads a topic's keys (values are never deserialized) and says whether it is skewed, by which keys, who
 * produced them and what each key strategy would do to it. Writes {@code scan.json}, {@code keys.csv} (the what-if
 * key-file format: {@code whatif --key-file} reads it back unchanged) and {@code scan.png} into {@code --out}.
 *
 * <pre>
 * ./hotkey-lab scan --bootstrap localhost:9092 --topic tickets --group ticket-service
 * ./hotkey-lab whatif --partitions 3 --key-file target/hotkey-report/scan/keys.csv
 * </pre>
 * Bad input (a missing topic, a bad option): one line, exit 2. Kafka not answering: one line, exit 1, within
 * {@code --timeout}. Ctrl-C: prints and writes what was read so far.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Read a topic's keys and find its hot keys, its skew and the group's lag (partitions without a"
                + " commit count their whole backlog), and what each key strategy would do to it.")
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TopicAddress kafka;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Consumer group whose lag to show (a partition it never committed on counts its whole"
                    + " backlog).")
    String group;

    @Option(names = "--records", paramLabel = "N", description = "Stop after N records (default: the whole topic).")
    Long records;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after D of reading, e.g. 30s, 5m; a bare number is seconds (default 60s).")
    Duration duration;

    @Option(names = "--from", defaultValue = "earliest", paramLabel = "earliest|latest",
            description = "Read the topic from its earliest offset (default) or only what arrives from now on.")
    String from;

    @Option(names = "--exact-keys", defaultValue = "" + KeyTally.DEFAULT_EXACT_KEYS, paramLabel = "K",
            description = "Distinct keys counted exactly before Space-Saving takes over (default ${DEFAULT-VALUE}).")
    int exactKeys;

    @Option(names = "--counters", defaultValue = "" + KeyTally.DEFAULT_COUNTERS, paramLabel = "C",
            description = "Space-Saving counters beyond --exact-keys; counts are at most records/C too high"
                    + " (default ${DEFAULT-VALUE}).")
    int counters;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "D",
            description = "How long Kafka may take to answer one request, e.g. 10s; a bare number is seconds (default 10s; "
                    + "at the start 5s unless given).")
    Duration timeout;

    /** Where scan.json, keys.csv and scan.png go. */
    @Mixin
    OutFolder out = new OutFolder("target/hotkey-report/scan");

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ScanConfig config = config();
        out.requireWritable();
        // A cluster that does not answer at the start is exit 2, as for produce, consume and dashboard; later, exit 1.
        try (KafkaChecks checks = new KafkaChecks(kafka.bootstrap, timeout, KafkaChecks.startTimeout(timeout,
                spec.commandLine().getParseResult().hasMatchedOption("--timeout")))) {
            checks.requireReachable();
            if (group != null && !checks.groupExists(group)) {
                // A mistyped --group would otherwise look like a real group with no commits.
                stdout.printf("group '%s' does not exist on %s (no group of that id in Admin listGroups); its lag "
                        + "below is each partition's whole backlog%n", group, kafka.bootstrap);
            }
        }
        TopicScanner scanner = new TopicScanner(config);
        // Ctrl-C stops the scan; the hook holds the JVM open until what was read is printed and written.
        try (Shutdown.Hook stop = Shutdown.onSignal("hotkey-lab-scan-stop", scanner::stop)) {
            Progress progress = new Progress(System.console() != null);
            ScanResult result;
            try {
                result = scanner.scan(progress::start, progress::step);
            } finally {
                progress.close();
            }
            ScanAdvice advice = advice(result);
            stdout.print(ScanOutput.text(result, advice));
            stdout.flush(); // on Ctrl-C the JVM halts once the hook returns: what was read is on screen first
            List<Path> written = write(result, advice);
            stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
            // whatif models the Java client unless told otherwise: name the client the keys' placement fits.
            String client = advice == null || advice.client() == ClientModel.JAVA ? ""
                    : " --client " + advice.client().cliName();
            stdout.printf(Locale.ROOT, "next: ./hotkey-lab whatif --partitions %d --key-file %s%s%n",
                    result.partitions().size(), out.path.resolve("keys.csv"), client);
            stdout.flush();
            return 0;
        }
    }

    private ScanConfig config() {
        ScanConfig.From f = switch (from.toLowerCase(Locale.ROOT)) {
            case "earliest" -> ScanConfig.From.EARLIEST;
            case "latest" -> ScanConfig.From.LATEST;
            default -> throw new IllegalArgumentException("--from must be earliest or latest but got '" + from + "'");
        };
        if (records != null && records < 1) {
            throw new IllegalArgumentException("--records must be >= 1 but got " + records);
        }
        if (exactKeys < 1 || exactKeys > KeyCounts.MAX_KEYS) {
            throw new IllegalArgumentException("--exact-keys must be in [1, " + KeyCounts.MAX_KEYS + "] but got "
                    + exactKeys);
        }
        if (counters < 10 || counters > HeavyHitterConfig.MAX_TOP_K) {
            throw new IllegalArgumentException("--counters must be in [10, "
                    + HeavyHitterConfig.MAX_TOP_K + "] but got " + counters);
        }
        return new ScanConfig(kafka.bootstrap, kafka.topic, group, f, records == null ? Long.MAX_VALUE : records,
                duration == null ? ScanConfig.DEFAULT_DURATION : duration, timeout, exactKeys, counters);
    }

    /** The client the observed placement fits (Java first among equals), else Java. */
    static ClientModel producingClient(ScanResult r) {
        for (ScanResult.ClientFit f : r.clientFits()) {
            if (f.fits()) {
                return ClientModel.parse(f.client());
            }
        }
        return ClientModel.JAVA;
    }

    private static ScanAdvice advice(ScanResult r) {
        KeyCounts keys = ScanOutput.keyCounts(r);
        if (keys == null) {
            return null;
        }
        ClientModel client = producingClient(r);
        if (client == ClientModel.HASHCODE && r.tally().nullKeys() > 0) {
            client = ClientModel.JAVA; // the hashcode selector refuses null keys, yet the topic has some
        }
        List<KeyTally.Entry> hot = ScanOutput.hotKeys(r);
        return ScanAdvice.of(keys, hot.subList(0, Math.min(ScanOutput.ADVISED_KEYS, hot.size())), r.recordsRead(),
                r.partitions().size(), client);
    }

    /**
     * Writes the files with a {@link ReportFolder} marker that lists them, so {@code --out} counts as hotkey-lab's
     * next time. The marker names scan's files only: in a run's report folder, a later {@code run} replaces them but
     * still carries over what its own marker does not list (a {@code whatif} folder).
     */
    private List<Path> write(ScanResult result, ScanAdvice advice) {
        try {
            List<Path> names = OutputFiles.write(out.path, ".scan-", folder -> {
                ScanOutput.writeJson(folder.resolve("scan.json"), ScanOutput.document(result, advice));
                ScanOutput.writeKeys(folder.resolve("keys.csv"), result);
                ScanOutput.writeChart(folder.resolve("scan.png"), result);
                ReportFolder.mark(folder);
            });
            return names.stream().filter(n -> !n.toString().equals(ReportFolder.MARKER)).map(out.path::resolve).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out.path + ": " + e.getMessage(), e);
        }
    }

    /** A terminal progress bar (me.tongfei:progressbar) on stderr, only when the output is a terminal. */
    private static final class Progress implements AutoCloseable {
        private final boolean on;
        private ProgressBar bar;

        Progress(boolean on) {
            this.on = on;
        }

        void start(long expected) {
            if (on) {
                bar = new ProgressBarBuilder().setTaskName("scan").setInitialMax(expected)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" records", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
            }
        }

        void step(long read) {
            if (bar != null) {
                bar.stepTo(read);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
