package dev.hotkeylab.cli;

import dev.hotkeylab.report.ReportFolder;
import dev.hotkeylab.whatif.ClientComparison;
import dev.hotkeylab.whatif.ClientModel;
import dev.hotkeylab.whatif.KeyCounts;
import dev.hotkeylab.whatif.SaltCoverage;
import dev.hotkeylab.whatif.WhatIfConfig;
import dev.hotkeylab.whatif.WhatIfOutput;
import dev.hotkeylab.whatif.WhatIfResult;
import dev.hotkeylab.whatif.WhatIfSimulator;
import dev.hotkeylab.whatif.ZipfSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code whatif}: predicts, without a broker, where a key population's hot partition is and which key strategy fixes
 * it, for the partitioner of a given client, before anything changes in production.
 *
 * <pre>
 * ./hotkey-lab whatif --partitions 3 --keys zipf:1.0:1000
 * ./hotkey-lab whatif --partitions 12 --key-file keys.csv --client librdkafka --grow-to 24
 * ./hotkey-lab whatif --coverage
 * ./hotkey-lab whatif --partitions 12 --key-file keys.csv --compare-clients java,sarama
 * </pre>
 * Prints a table per strategy (max/mean, hottest partition, idle partitions, idle consumers) and writes
 * {@code whatif.json} and {@code whatif.png} into {@code --out}. Bad input: one line, exit code 2, nothing written.
 */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = "Predict per-partition load, idle partitions and idle consumers for your keys under each key "
                + "strategy and client partitioner, without a broker.")
public final class WhatIfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--partitions", paramLabel = "P", description = "Partitions of the topic, 1 to " + WhatIfConfig.MAX_PARTITIONS + ".")
    Integer partitions;

    @Option(names = "--keys", paramLabel = "zipf:S:COUNT[:TOTAL]",
            description = "Synthetic keys: COUNT keys with Zipf exponent S, TOTAL records (default 100 per key).")
    String keys;

    @Option(names = "--key-file", paramLabel = "FILE.csv",
            description = "Your keys: CSV key,count (header optional; keys exact, never trimmed; \"\" is the empty key,"
                    + " unquoted \\N the null key; header key_hex,count or key_base64,count for binary keys).")
    Path keyFile;

    @Mixin
    StrategyOptions strategies;

    @Option(names = "--consumers", paramLabel = "C", description = "Consumers in the group (default P).")
    Integer consumers;

    @Option(names = "--client", defaultValue = "java", paramLabel = "CLIENT",
            description = "Whose partitioner places the keys (default java): java, kafkajs, kafkajs-legacy, librdkafka"
                    + " (its default consistent_random), librdkafka-random, librdkafka-consistent, librdkafka-murmur2,"
                    + " librdkafka-murmur2-random, librdkafka-fnv1a, librdkafka-fnv1a-random, sarama, hashcode (_ and - alike).")
    String client;

    @Option(names = "--compare-clients", split = ",", paramLabel = "CLIENT",
            description = "Two clients, e.g. java,sarama: which of your keys they would put on different partitions"
                    + " (mixed-language producers on one topic).")
    List<String> compareClients;

    @Option(names = "--grow-to", paramLabel = "P2", description = "Also predict the topic grown to P2 > P partitions.")
    Integer growTo;

    @Mixin
    SeedOption seed;

    @Option(names = "--coverage", description = "Print the naive-salting coverage table (P x B) and add it to the JSON.")
    boolean coverage;

    /** Where whatif.json and whatif.png go. */
    @Mixin
    OutFolder out = new OutFolder("target/hotkey-report/whatif");

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        long commandStarted = System.nanoTime();
        WhatIfConfig config = config();
        // Before anything is read or simulated: --out must be a folder whatif may write into (as run, bench and scan).
        out.requireWritable();
        KeyCounts keyCounts = config == null ? null : loadKeys();
        if (!coverage && keyCounts == null) {
            throw new IllegalArgumentException(
                    "no keys given; use --keys zipf:S:COUNT[:TOTAL] or --key-file FILE.csv (or --coverage alone)");
        }
        ClientComparison comparison = compareClients == null ? null : comparison(keyCounts, config);
        long started = System.nanoTime();
        // A client may refuse a key (the hashcode selector and a null key): that is bad input, said in one line.
        WhatIfResult result = keyCounts == null ? null
                : new WhatIfSimulator(config).simulate(keyCounts, new ProgressLines(stderr));
        long simulatedNanos = System.nanoTime() - started;
        long loadNanos = started - commandStarted;
        SaltCoverage.Table table = coverage ? SaltCoverage.defaultTable(config == null ? ClientModel.parse(client)
                : config.client(), seed.seed, new ProgressLines(stderr)) : null;
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        stdout.print(WhatIfOutput.text(result, table, comparison));
        if (result != null) {
            stdout.printf(Locale.ROOT, "simulated %,d keys x %d partitions in %,d ms (%d processors; keys made/read in"
                            + " %,d ms)%n", result.distinctKeys(), config.partitions(), simulatedNanos / 1_000_000,
                    Runtime.getRuntime().availableProcessors(), loadNanos / 1_000_000);
        }
        List<Path> written = write(result, table, comparison, elapsedMillis);
        stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        stdout.printf(Locale.ROOT, "whatif took %,d ms in all%n", (System.nanoTime() - commandStarted) / 1_000_000);
        stdout.flush();
        return 0;
    }

    private ClientComparison comparison(KeyCounts keyCounts, WhatIfConfig config) {
        if (compareClients.size() != 2) {
            throw new IllegalArgumentException("--compare-clients takes two clients, e.g. java,sarama, but got "
                    + String.join(",", compareClients) + "; allowed: " + ClientModel.allowedNames());
        }
        if (keyCounts == null) {
            throw new IllegalArgumentException("--compare-clients needs keys: --keys or --key-file");
        }
        return ClientComparison.compare(keyCounts, ClientModel.parse(compareClients.get(0)),
                ClientModel.parse(compareClients.get(1)), config.partitions());
    }

    /** Null when only the coverage table is asked for. */
    private WhatIfConfig config() {
        ClientModel clientModel = ClientModel.parse(client);
        if (keys != null && keyFile != null) {
            throw new IllegalArgumentException("give either --keys or --key-file, not both");
        }
        if (keys == null && keyFile == null) {
            if (partitions != null) {
                throw new IllegalArgumentException(
                        "no keys given; use --keys zipf:S:COUNT[:TOTAL] or --key-file FILE.csv");
            }
            return null;
        }
        if (partitions == null) {
            throw new IllegalArgumentException("--partitions is required with --keys/--key-file; allowed: 1 to "
                    + WhatIfConfig.MAX_PARTITIONS);
        }
        WhatIfConfig.Builder builder = WhatIfConfig.builder(partitions).client(clientModel).seed(seed.seed);
        builder.strategies(strategies.chosen());
        if (strategies.saltBuckets != null) {
            builder.saltBuckets(strategies.saltBuckets);
        }
        if (strategies.adaptiveThreshold != null) {
            builder.adaptiveThreshold(strategies.adaptiveThreshold);
        }
        if (consumers != null) {
            builder.consumers(consumers);
        }
        if (growTo != null) {
            if (growTo == 0) {
                throw new IllegalArgumentException("grow-to must be more than the " + partitions
                        + " partitions (Kafka can only add partitions) but got 0");
            }
            builder.growTo(growTo);
        }
        WhatIfConfig built = builder.build();
        if (keys != null) {
            ZipfSpec.parse(keys); // fail on a bad spec before anything is computed
        }
        return built;
    }

    private KeyCounts loadKeys() {
        // Checked before anything is read: a key population that cannot fit is one line, not an OutOfMemoryError.
        if (keys != null) {
            ZipfSpec zipf = ZipfSpec.parse(keys);
            Limits.requireHeapForKeys(zipf.distinctKeys(), "--keys " + keys);
            return KeyCounts.zipf(zipf);
        }
        Limits.requireHeapForKeys(Limits.lines(keyFile), "key file " + keyFile);
        return KeyCounts.fromCsv(keyFile);
    }

    /**
     * Writes whatif.json and whatif.png ({@link OutputFiles}) with a {@link ReportFolder} marker that lists them;
     * without a result, removes an earlier run's chart.
     */
    private List<Path> write(WhatIfResult result, SaltCoverage.Table table, ClientComparison comparison,
            long elapsedMillis) {
        Path target = out.path.toAbsolutePath().normalize();
        try {
            List<Path> names = OutputFiles.write(out.path, ".whatif-", folder -> {
                WhatIfOutput.writeJson(folder.resolve("whatif.json"),
                        WhatIfOutput.document(result, table, comparison, elapsedMillis));
                if (result != null) {
                    WhatIfOutput.writeChart(folder.resolve("whatif.png"), result);
                }
                ReportFolder.mark(folder);
            });
            if (result == null) {
                Files.deleteIfExists(target.resolve("whatif.png")); // a chart from an earlier run would not match
            }
            return names.stream().filter(n -> !n.toString().equals(ReportFolder.MARKER)).map(target::resolve).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out.path + ": " + e.getMessage(), e);
        }
    }
}
