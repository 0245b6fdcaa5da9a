package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.keys.Strategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/**
 * The harness beside Kafka's own performance tools, on one backend in one run: {@code ProducerPerformance} (10^N
 * records of the harness's mean value size, {@code acks=all}, unthrottled) and {@code ConsumerPerformance} (one
 * consumer reading them back) from {@code org.apache.kafka:kafka-tools} of the broker's version, each in a child JVM
 * on this process's class path, then {@code run} at service time 0 with {@link CommitPolicy#THROUGHPUT}:
 * PARTITION_AWARE_SALT (3 consumers, end to end) and FIXED_KEY (one busy consumer).
 *
 * <p>The ratios: harness end to end (PARTITION_AWARE_SALT, requests / (last first processing - first send), as in
 * {@link ExperimentResult#throughputPerSecond()}) / ProducerPerformance's records/s (goal 0.8); and one harness
 * consumer ({@code GroupMember} with its accounting, {@link CommitPolicy#THROUGHPUT}) reading the FIXED_KEY run's
 * filled partition afresh, from its first record to its last, / ConsumerPerformance's fetch rate (records/s while
 * fetching, without its group join; goal 0.5). FIXED_KEY's end-to-end rate is reported too; it cannot pass the
 * producer's rate, so it is no measure of the consumer.
 */
public final class PerfBench {

    /** Partitions of every topic of the bench (the harness's default). */
    public static final int PARTITIONS = 3;

    /**
     * One bench.
     *
     * @param backend                        the backend's kind ({@code BackendKind#label()})
     * @param brokers                        brokers in its cluster
     * @param messages                       records per tool and per harness run
     * @param recordSize                     ProducerPerformance's value size in bytes (the harness's mean value)
     * @param producerPerformancePerSecond   ProducerPerformance's records/s
     * @param consumerPerformanceFetchPerSecond ConsumerPerformance's records/s while fetching ({@code fetch.nMsg.sec})
     * @param consumerPerformancePerSecond   ConsumerPerformance's records/s with its group join ({@code nMsg.sec})
     * @param harnessPerSecond               PARTITION_AWARE_SALT, 3 consumers, end to end
     * @param harnessFixedKeyPerSecond       FIXED_KEY (one busy consumer), end to end
     * @param harnessConsumerPerSecond       one harness consumer on FIXED_KEY's filled partition, first to last record
     * @param producerRatio                  harnessPerSecond / producerPerformancePerSecond (goal 0.8)
     * @param consumerRatio                  harnessConsumerPerSecond / consumerPerformanceFetchPerSecond (goal 0.5)
     * @param commits                        the harness runs' {@link CommitPolicy#describe()}
     * @param producerPerformanceLine        ProducerPerformance's summary line, as printed
     * @param consumerPerformanceLine        ConsumerPerformance's figures line, as printed
     */
    public record Result(String backend, int brokers, String kafkaVersion, int messages, int recordSize, double producerPerformancePerSecond,
            double consumerPerformanceFetchPerSecond, double consumerPerformancePerSecond, double harnessPerSecond,
            double harnessFixedKeyPerSecond, double harnessConsumerPerSecond, double producerRatio, double consumerRatio, String commits,
            String producerPerformanceLine, String consumerPerformanceLine) {
    }

    private static final Pattern PRODUCER_RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private PerfBench() {
    }

    /**
     * Runs the four measurements in order (the tools first, then the harness) and returns the figures.
     *
     * @param progress one line per finished measurement
     * @throws ExperimentException when a tool fails or prints no figures, or a harness run fails
     */
    public static Result run(KafkaBackend backend, int messages, long seed, Duration timeout,
            Consumer<String> progress) throws InterruptedException {
        int recordSize = meanValueSize(messages);
        String topic = "hotkey-perf-" + UUID.randomUUID().toString().substring(0, 8);
        double producerRate;
        String producerLine;
        String consumerLine;
        double fetchRate;
        double overallRate;
        try (Admin admin = Admin.create(backend.clientConfig())) {
            Topics.create(admin, backend, topic, PARTITIONS);
            try {
                List<String> out = tool("org.apache.kafka.tools.ProducerPerformance", timeout, "--topic", topic,
                        "--num-records", String.valueOf(messages), "--record-size", String.valueOf(recordSize),
                        "--throughput", "-1", "--producer-props", "bootstrap.servers=" + backend.bootstrapServers(),
                        "acks=all");
                producerLine = out.stream().filter(l -> PRODUCER_RATE.matcher(l).find()).reduce((a, b) -> b)
                        .orElseThrow(() -> new ExperimentException("ProducerPerformance printed no summary: "
                                + String.join(" | ", out)));
                Matcher m = PRODUCER_RATE.matcher(producerLine);
                m.find();
                producerRate = Double.parseDouble(m.group(1));
                progress.accept(String.format(Locale.ROOT, "ProducerPerformance: %,.0f records/s", producerRate));

                List<String> cout = tool("org.apache.kafka.tools.ConsumerPerformance", timeout,
                        "--bootstrap-server", backend.bootstrapServers(), "--topic", topic, "--messages",
                        String.valueOf(messages), "--group", topic + "-group", "--timeout", "60000");
                int header = -1;
                for (int i = 0; i < cout.size(); i++) {
                    if (cout.get(i).contains("nMsg.sec")) {
                        header = i;
                    }
                }
                if (header < 0 || header + 1 >= cout.size()) {
                    throw new ExperimentException("ConsumerPerformance printed no figures: " + String.join(" | ",
                            cout));
                }
                List<String> names = List.of(cout.get(header).split(",\\s*"));
                String[] values = cout.get(header + 1).split(",\\s*");
                consumerLine = cout.get(header).trim() + " = " + cout.get(header + 1).trim();
                fetchRate = Double.parseDouble(values[names.indexOf("fetch.nMsg.sec")].trim());
                overallRate = Double.parseDouble(values[names.indexOf("nMsg.sec")].trim());
                progress.accept(String.format(Locale.ROOT, "ConsumerPerformance: %,.0f records/s fetching, %,.0f "
                        + "with its group join", fetchRate, overallRate));
            } finally {
                admin.deleteTopics(List.of(topic));
            }
        }
        ExperimentRunner runner = new ExperimentRunner(backend).with(o -> o.withCommits(CommitPolicy.THROUGHPUT));
        Map<Strategy, Double> rates = new java.util.EnumMap<>(Strategy.class);
        double consumerRate;
        String fixedTopic = null;
        for (Strategy s : List.of(Strategy.PARTITION_AWARE_SALT, Strategy.FIXED_KEY)) {
            ExperimentConfig config = ExperimentConfig.builder().strategy(s).messages(messages).partitions(PARTITIONS)
                    .consumers(PARTITIONS).serviceTimeMillis(0).seed(seed).timeout(timeout).build();
            // FIXED_KEY's topic is kept: the consumer-only measurement below reads its filled partition.
            ExperimentResult r = runner.with(o -> o.withKeepTopics(s == Strategy.FIXED_KEY)).run(config);
            rates.put(s, r.timing().throughputPerSecond());
            if (s == Strategy.FIXED_KEY) {
                fixedTopic = r.setup().topic();
            }
            progress.accept(String.format(Locale.ROOT, "harness %s: %,.0f records/s end to end, %d of %d consumers "
                    + "active", s, r.timing().throughputPerSecond(), r.spread().activeConsumers(), r.setup().consumers()));
        }
        try {
            consumerRate = consumerOnly(backend, fixedTopic, messages, timeout);
        } finally {
            try (Admin admin = Admin.create(backend.clientConfig())) {
                admin.deleteTopics(List.of(fixedTopic));
            }
        }
        progress.accept(String.format(Locale.ROOT, "harness consumer on FIXED_KEY's filled partition: %,.0f records/s",
                consumerRate));
        double harness = rates.get(Strategy.PARTITION_AWARE_SALT);
        double fixed = rates.get(Strategy.FIXED_KEY);
        return new Result(backend.kind().label(), backend.brokers(), backend.kafkaVersion(), messages, recordSize, producerRate, fetchRate, overallRate, harness,
                fixed, consumerRate, harness / producerRate, consumerRate / fetchRate,
                runner.options().commits().describe(),
                producerLine.trim(), consumerLine);
    }

    /**
     * One {@link GroupMember} of a fresh group reads {@code topic} from the start with the run's accounting; records/s
     * from its first merged batch to its last (the group join is not counted, as in ConsumerPerformance's fetch rate).
     */
    static double consumerOnly(KafkaBackend backend, String topic, int messages, Duration timeout)
            throws InterruptedException {
        RunAccounting accounting = new RunAccounting(messages, PARTITIONS);
        accounting.firstSendNanos = System.nanoTime();
        String group = topic + "-perf-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> config = ConsumerLoop.config(backend.clientConfig(), group, group + "-c0",
                CommitPolicy.THROUGHPUT.maxPollRecords());
        GroupMember member = new GroupMember(group + "-c0", config, topic, RequestHandler.serviceTime(0), accounting,
                Long.MAX_VALUE, CommitPolicy.THROUGHPUT);
        Thread thread = new Thread(member, group + "-c0");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!accounting.awaitAllProcessed(timeout.toMillis()) || accounting.failure.get() != null) {
                throw new ExperimentException("the harness consumer read " + accounting.distinctProcessed() + " of "
                        + messages + " records of " + topic + " within " + timeout.toSeconds() + " s"
                        + (accounting.failure.get() == null ? ""
                                : ": " + ExperimentRunner.reason(accounting.failure.get())));
            }
        } finally {
            member.stop();
            thread.join(10_000);
        }
        long nanos = Math.max(1, accounting.lastProcessedNanos() - accounting.firstProcessedNanos());
        return messages / (nanos / 1e9);
    }

    /** The harness's value size for a request in the middle of a run of {@code messages} (ids of typical length). */
    static int meanValueSize(int messages) {
        return new TicketRequest("hotkey-partition-aware-salt-0123abcd-" + messages / 2, ExperimentConfig.DEFAULT_KEY,
                "user-42", messages / 2, System.currentTimeMillis()).toJson().length;
    }

    /** Runs one of Kafka's tools in a child JVM on this class path; its output lines (stdout and stderr). */
    private static List<String> tool(String mainClass, Duration timeout, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        String name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ExperimentException("could not start " + name + ": " + e.getMessage(), e);
        }
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExperimentException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join(5_000);
        } finally {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0) {
            throw new ExperimentException(name + " failed (exit " + p.exitValue() + "): " + String.join(" | ",
                    lines.subList(Math.max(0, lines.size() - 5), lines.size())));
        }
        return List.copyOf(lines);
    }
}
