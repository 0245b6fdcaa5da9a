package dev.hotkeylab.dashboard;

import dev.hotkeylab.experiment.TicketRequest;
import dev.hotkeylab.experiment.TicketTraffic;
import dev.hotkeylab.experiment.UserDraw;
import dev.hotkeylab.keys.KeyStrategy;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.StrategyContext;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends ticket requests keyed by a {@link KeyStrategy}, optionally at a fixed rate, with the producer settings of its
 * {@link Strategy} (the adaptive partitioner for {@link Strategy#ADAPTIVE}, Kafka's default partitioner otherwise):
 * the traffic the dashboard watches (the {@code produce} command uses it). The requests are the experiments' own
 * ({@link TicketTraffic}: {@link TicketRequest} JSON values, users from a {@link UserDraw}, the same pacing).
 */
public final class KeyedProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Strategy strategy;
    private volatile boolean failed;

    /** Totals of one {@link #send} call: records acknowledged per partition and the time it took. */
    public record Sent(long records, Map<Integer, Long> perPartition, long elapsedMillis) {
    }

    /**
     * A producer for {@code strategy}'s traffic, configured by {@link Strategy#producerConfig} like every other
     * producer of the project: {@link Strategy#ADAPTIVE} gets the adaptive partitioner and its header interceptor.
     *
     * @param clientConfig bootstrap servers and any client settings
     * @param adaptive     the adaptive partitioner's settings, used by {@link Strategy#ADAPTIVE} only
     */
    public KeyedProducer(Map<String, Object> clientConfig, String clientId, Strategy strategy,
                         AdaptivePartitionerConfig adaptive) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // An unreachable cluster is an error within seconds rather than the default one-minute block.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.strategy = strategy;
        this.producer = new KafkaProducer<>(strategy.producerConfig(config, adaptive));
    }

    /**
     * Sends {@code messages} requests for {@code concertId} to {@code topic}, keyed by this producer's strategy
     * ({@link Strategy#create} with {@code context}), and waits until all are acknowledged.
     *
     * @param ratePerSecond records per second, or 0 for as fast as possible
     * @param users         user ids are drawn from {@code user-0 .. user-(users-1)} with {@code random}
     * @param onAck         called after each acknowledgement with the running total (from the producer's I/O thread)
     * @throws IllegalStateException when a send fails (the first failure's message)
     */
    public Sent send(String topic, StrategyContext context, String concertId, int messages, double ratePerSecond,
                     int users, Random random, LongConsumer onAck) {
        return send(topic, context, concertId, messages, ratePerSecond, new UserDraw(random, users), onAck);
    }

    /** As above, with the users drawn from {@code users} (e.g. {@link UserDraw#seeded}, as the experiments do). */
    public Sent send(String topic, StrategyContext context, String concertId, int messages, double ratePerSecond,
                     UserDraw users, LongConsumer onAck) {
        if (messages < 1) {
            throw new IllegalArgumentException("messages must be >= 1 but got " + messages);
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("rate must be >= 0 but got " + ratePerSecond);
        }
        KeyStrategy keys = strategy.create(context);
        Map<Integer, Long> perPartition = new ConcurrentHashMap<>();
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long intervalNanos = ratePerSecond == 0 ? 0 : (long) (1_000_000_000L / ratePerSecond);
        new TicketTraffic(topic, concertId, keys, users, seq -> concertId, intervalNanos).send(producer, messages,
                start, seq -> failure.get() == null, (seq, concert, key, record) -> (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        perPartition.merge(metadata.partition(), 1L, Long::sum);
                        onAck.accept(acked.incrementAndGet());
                    }
                });
        if (failure.get() == null) {
            producer.flush(); // after a failure the rest would only wait out delivery.timeout.ms
        }
        if (failure.get() != null) {
            failed = true;
            throw new IllegalStateException("sending to topic '" + topic + "' failed: "
                    + TopicWatcher.oneLine(failure.get()), failure.get());
        }
        return new Sent(acked.get(), new TreeMap<>(perPartition), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void close() {
        // After a failure nothing is waited for: the records left would wait for a cluster that does not answer.
        producer.close(failed ? Duration.ZERO : Duration.ofSeconds(5));
    }
}
