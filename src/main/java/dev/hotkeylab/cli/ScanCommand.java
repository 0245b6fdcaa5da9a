package dev.hotkeylab.cli;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
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

    /** The file that marks a folder as written by scan: only such a folder (or a new or empty one) is written into. */
    static final String MARKER = ".hotkey-lab-scan";

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to read.")
    String topic;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Consumer group whose lag to show (a partition it never committed on counts its whole"
                    + " backlog).")
    String group;

    @Option(names = "--records", paramLabel = "N", description = "Stop after N records (default: the whole topic).")
    Long records;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after D of reading, e.g. 30s, 5m (default 60s).")
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
            description = "How long Kafka may take to answer one request (default 10s).")
    Duration timeout;

    @Option(names = "--out", defaultValue = "target/hotkey-report/scan", paramLabel = "DIR",
            description = "Where scan.json, keys.csv and scan.png go (default target/hotkey-report/scan): a new or"
                    + " empty folder, or one scan wrote before.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ScanConfig config = config();
        checkOut(out);
        TopicScanner scanner = new TopicScanner(config);
        CountDownLatch printed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            scanner.stop();
            try {
                printed.await(Shutdown.CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hotkey-lab-scan-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
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
            stdout.printf(Locale.ROOT, "next: ./hotkey-lab whatif --partitions %d --key-file %s%n",
                    result.partitions().size(), out.resolve("keys.csv"));
            stdout.flush();
            return 0;
        } finally {
            printed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and has just been released
            }
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
        if (counters < 10 || counters > dev.hotkeylab.hotkeys.HeavyHitterConfig.MAX_TOP_K) {
            throw new IllegalArgumentException("--counters must be in [10, "
                    + dev.hotkeylab.hotkeys.HeavyHitterConfig.MAX_TOP_K + "] but got " + counters);
        }
        return new ScanConfig(bootstrap, topic, group, f, records == null ? Long.MAX_VALUE : records,
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
     * Refuses a folder hotkey-lab did not write: {@code --out} must not exist, be empty, or hold {@link #MARKER}.
     * (The shared report rule of the project's other writers can take this over.)
     */
    static void checkOut(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out '" + out + "' is a file; give a new or empty folder");
        }
        if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER))) {
            try (Stream<Path> files = Files.list(out)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out '" + out + "' holds files scan did not write (no "
                            + MARKER + "); give a new or empty folder");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--out '" + out + "' cannot be read: " + e.getMessage());
            }
        }
    }

    /** Writes into a temporary sibling folder, then moves the finished files into {@code --out}. */
    private List<Path> write(ScanResult result, ScanAdvice advice) {
        Path target = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempDirectory(target.getParent(), ".scan-");
            try {
                Files.writeString(temp.resolve(MARKER), "written by hotkey-lab scan; it may replace this folder's"
                        + " files\n");
                ScanOutput.writeJson(temp.resolve("scan.json"), ScanOutput.document(result, advice));
                ScanOutput.writeKeys(temp.resolve("keys.csv"), result);
                ScanOutput.writeChart(temp.resolve("scan.png"), result);
                Files.createDirectories(target);
                List<Path> written = new ArrayList<>();
                try (Stream<Path> files = Files.list(temp)) {
                    for (Path file : files.sorted().toList()) {
                        Path destination = target.resolve(file.getFileName());
                        Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING);
                        if (!file.getFileName().toString().equals(MARKER)) {
                            written.add(out.resolve(file.getFileName()));
                        }
                    }
                }
                return written;
            } finally {
                try (Stream<Path> left = Files.walk(temp)) {
                    for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
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

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    d = Duration.parse(value.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a duration;"
                            + " allowed: e.g. 500ms, 30s, 5m, 1h or PT30S");
                }
            }
            if (d.isZero() || d.isNegative()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
            }
            return d;
        }
    }
}
