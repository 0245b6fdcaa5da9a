package dev.hotkeylab.cli;

import dev.hotkeylab.dashboard.KeyedProducer;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.StrategyContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hotkey-lab produce}: sends ticket requests keyed by a strategy, in its own terminal, like the seed's
 * {@code bad/producer.js}. Creates the topic with {@code --partitions} when it does not exist.
 *
 * <pre>
 *   hotkey-lab produce --strategy FIXED_KEY --bootstrap localhost:9092 --topic tickets --messages 1000 --rate 200
 *   sent 1000 records to tickets in 5003 ms (FIXED_KEY, key SUPER_STAR_CONCERT_2026, seed 42): p0=0 p1=0 p2=1000
 * </pre>
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Send ticket requests keyed by a strategy (one terminal per producer).")
public final class ProduceCommand implements Callable<Integer> {

    @Option(names = "--strategy", required = true, description = "Key strategy: FIXED_KEY, RANDOM_SALT, PARTITION_AWARE_SALT.")
    String strategy;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT")
    String bootstrap;

    @Option(names = "--topic", required = true)
    String topic;

    @Option(names = "--messages", required = true, description = "Records to send.")
    int messages;

    @Option(names = "--rate", defaultValue = "0", description = "Records per second; 0 = as fast as possible (default).")
    double rate;

    @Option(names = "--key", defaultValue = "SUPER_STAR_CONCERT_2026", description = "The natural key (default: ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions when the topic is created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for user ids and random salts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--connect-timeout-ms", defaultValue = "10000")
    int connectTimeoutMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Strategy parsed = Strategy.parse(strategy);
        if (messages < 1) {
            throw new IllegalArgumentException("messages must be >= 1 but got " + messages);
        }
        if (!(rate >= 0 && rate <= 10_000_000)) {
            throw new IllegalArgumentException("rate must be in [0, 10000000] records/s but got " + rate);
        }
        if (partitions < 1 || partitions > dev.hotkeylab.experiment.ExperimentConfig.MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be in [1, "
                    + dev.hotkeylab.experiment.ExperimentConfig.MAX_PARTITIONS + "] but got " + partitions);
        }
        if (connectTimeoutMs < 100) {
            throw new IllegalArgumentException("--connect-timeout-ms must be >= 100 but got " + connectTimeoutMs);
        }
        dev.hotkeylab.keys.Keys.requireValid(key);
        int topicPartitions;
        try (KafkaChecks kafka = new KafkaChecks(bootstrap, Duration.ofMillis(connectTimeoutMs))) {
            kafka.requireReachable();
            OptionalInt existing = kafka.partitions(topic);
            if (existing.isPresent()) {
                topicPartitions = existing.getAsInt();
            } else {
                kafka.createTopic(topic, partitions);
                topicPartitions = partitions;
                out.println("created topic " + topic + " with " + partitions + " partitions");
            }
        }
        AtomicLong lastPrint = new AtomicLong(System.nanoTime());
        try (KeyedProducer producer = new KeyedProducer(KafkaChecks.clientConfig(bootstrap), "hotkey-producer-" + topic)) {
            KeyedProducer.Sent sent = producer.send(topic, parsed.create(StrategyContext.of(topicPartitions, seed)), key,
                    messages, rate, 1000, new Random(seed), total -> {
                        long now = System.nanoTime();
                        long last = lastPrint.get();
                        if (now - last >= 1_000_000_000L && lastPrint.compareAndSet(last, now)) {
                            out.println("sent " + total + "/" + messages);
                            out.flush();
                        }
                    });
            String spread = java.util.stream.IntStream.range(0, topicPartitions)
                    .mapToObj(p -> "p" + p + "=" + sent.perPartition().getOrDefault(p, 0L))
                    .collect(Collectors.joining(" "));
            out.println("sent " + sent.records() + " records to " + topic + " in " + sent.elapsedMillis() + " ms ("
                    + parsed.name() + ", key " + key + ", seed " + seed + "): " + spread);
            out.flush();
            return 0;
        } catch (IllegalStateException e) {
            err.println(spec.name() + ": " + e.getMessage());
            return 1;
        }
    }
}
