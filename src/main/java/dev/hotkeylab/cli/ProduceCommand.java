package dev.hotkeylab.cli;

import dev.hotkeylab.dashboard.KeyedProducer;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.UserDraw;
import dev.hotkeylab.keys.Keys;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.StrategyContext;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    /** The highest {@code --rate}, records per second. */
    static final int MAX_RATE = 10_000_000;

    @Option(names = "--strategy", required = true, converter = StrategyConverter.class,
            completionCandidates = Strategy.Names.class, description = "Key strategy: ${COMPLETION-CANDIDATES}.")
    Strategy strategy;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--messages", required = true, description = "Records to send.")
    int messages;

    /** Kept as typed, so an error echoes {@code -1} or {@code 2e7} as given (not {@code -1.0}, {@code 2.0E7}). */
    @Option(names = "--rate", defaultValue = "0",
            description = "Records per second; 0 = as fast as possible (default).")
    String rate;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions when the topic is created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Mixin
    TicketOptions tickets;

    @Override
    public Integer call() {
        PrintWriter out = cluster.out();
        PrintWriter err = cluster.err();
        if (messages < 1) {
            throw new IllegalArgumentException("messages must be >= 1 but got " + messages);
        }
        double recordsPerSecond = rate();
        if (partitions < 1 || partitions > ExperimentConfig.MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be in [1, "
                    + ExperimentConfig.MAX_PARTITIONS + "] but got " + partitions);
        }
        int connectTimeoutMs = (int) cluster.timeout().toMillis();
        String bootstrap = cluster.bootstrap;
        String key = tickets.key;
        long seed = tickets.seed();
        Keys.requireValid(key);
        UserDraw draw = UserDraw.seeded(seed, tickets.users);
        int topicPartitions;
        try (KafkaChecks kafka = cluster.checks()) {
            kafka.requireReachable();
            OptionalInt existing = kafka.partitions(cluster.topic);
            if (existing.isPresent()) {
                topicPartitions = existing.getAsInt();
            } else {
                kafka.createTopic(cluster.topic, partitions);
                topicPartitions = partitions;
                out.println("created topic " + cluster.topic + " with " + partitions + " partitions");
            }
        }
        AtomicLong lastPrint = new AtomicLong(System.nanoTime());
        AtomicLong lastAck = new AtomicLong(System.nanoTime());
        // A cluster that stops answering is an error within --connect-timeout-ms: max.block.ms (default 60000) bounds
        // a send waiting for metadata, delivery.timeout.ms (default 120000) a record waiting for its acknowledgement;
        // request.timeout.ms (default 30000) must fit into it. The loop stops at the first failed record.
        java.util.Map<String, Object> config = cluster.clientConfig();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, connectTimeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(1_000, connectTimeoutMs));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.min(30_000, Math.max(1_000, connectTimeoutMs) - 10));
        Thread waiting = waitingNotice(lastAck, err, bootstrap, connectTimeoutMs);
        try (KeyedProducer producer = new KeyedProducer(config, "hotkey-producer-" + cluster.topic, strategy,
                AdaptivePartitionerConfig.defaults())) {
            KeyedProducer.Sent sent = producer.send(cluster.topic, StrategyContext.of(topicPartitions, seed), key,
                    messages, recordsPerSecond, draw, total -> {
                        long now = System.nanoTime();
                        lastAck.set(now);
                        long last = lastPrint.get();
                        if (now - last >= 1_000_000_000L && lastPrint.compareAndSet(last, now)) {
                            out.println("sent " + total + "/" + messages);
                            out.flush();
                        }
                    });
            String spread = IntStream.range(0, topicPartitions)
                    .mapToObj(p -> "p" + p + "=" + sent.perPartition().getOrDefault(p, 0L))
                    .collect(Collectors.joining(" "));
            out.println("sent " + sent.records() + " records to " + cluster.topic + " in " + sent.elapsedMillis() + " ms ("
                    + strategy.name() + ", key " + Keys.escaped(key) + ", seed " + seed + "): " + spread);
            out.flush();
            return 0;
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not acknowledge within " + connectTimeoutMs
                    + " ms: " + Main.message(e), e);
        } finally {
            waiting.interrupt();
        }
    }

    /**
     * {@code --rate}, checked: a number in [0, {@value #MAX_RATE}] records/s.
     *
     * @throws IllegalArgumentException naming the value as typed and the allowed range
     */
    double rate() {
        double parsed;
        try {
            parsed = Double.parseDouble(rate.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate must be a number in [0, " + MAX_RATE + "] records/s but got '"
                    + rate + "'");
        }
        if (!(parsed >= 0 && parsed <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be in [0, " + MAX_RATE + "] records/s but got " + rate);
        }
        return parsed;
    }

    /** Says once on stderr when no record was acknowledged for 2 s (and again after acknowledgements resumed). */
    private Thread waitingNotice(AtomicLong lastAck, PrintWriter err, String bootstrap, int connectTimeoutMs) {
        Thread t = new Thread(() -> {
            boolean said = false;
            while (!Thread.currentThread().isInterrupted()) {
                long silentMs = (System.nanoTime() - lastAck.get()) / 1_000_000;
                if (silentMs >= 2_000 && !said) {
                    err.println(cluster.commandName() + ": no acknowledgement from Kafka at " + bootstrap + " for 2 s; waiting "
                            + "up to " + connectTimeoutMs + " ms");
                    err.flush();
                    said = true;
                } else if (silentMs < 2_000) {
                    said = false;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "hotkey-produce-waiting");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
