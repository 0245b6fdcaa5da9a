package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.keys.KafkaPartitioning;
import dev.hotkeylab.keys.KeyStrategy;
import dev.hotkeylab.keys.StrategyContext;
import dev.hotkeylab.keys.adaptive.AdaptiveHeaders;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import dev.hotkeylab.keys.adaptive.AdaptiveRegistry;
import dev.hotkeylab.keys.adaptive.HotKeyEvent;
import dev.hotkeylab.keys.adaptive.HotKeyRouter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The experiment's producer: one Kafka producer per run, ticket requests ({@link TicketRequest} JSON values) keyed by
 * the run's strategy, users drawn from their own seeded stream, and for every record the partition the key (or the
 * adaptive partitioner's header) says it goes to, checked against the acknowledged one.
 */
final class TicketProducer {

    private final KafkaBackend backend;
    private final AdaptivePartitionerConfig adaptive;

    TicketProducer(KafkaBackend backend, AdaptivePartitionerConfig adaptive) {
        this.backend = backend;
        this.adaptive = adaptive;
    }

    /**
     * What was sent: the partition predicted per partition, the keys shown (at most 64) and how many there were,
     * records per concert and acknowledged partition ({@code perConcert}), the adaptive partitioner's story, and the
     * bytes of record batches the producer sent to the topic ({@code byte-total} of {@code producer-topic-metrics}).
     */
    record Produced(long[] predictedPerPartition, Map<String, Integer> keyPartitions, int distinctKeys,
            Map<String, long[]> perConcert, AdaptiveSummary adaptive, long topicBytes) {
    }

    /** How often the listener hears of progress while producing. */
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /**
     * Sends {@code config.messages()} ticket requests to {@code topic}, keyed by the config's strategy, paced at its
     * rate, and waits for every acknowledgement (or the first failure, the deadline or a lost cluster).
     *
     * @throws ExperimentException naming the producer and the cluster when a send fails
     */
    Produced produce(ExperimentConfig config, ExperimentListener listener, String topic, RunAccounting accounting,
            RunDeadline deadline) throws InterruptedException {
        KeyStrategy strategy = config.strategy().create(new StrategyContext(config.partitions(), config.saltBuckets(),
                new Random(config.seed())));
        MixedWorkload.Draw concerts = config.workload().draw();
        UserDraw users = UserDraw.seeded(config.seed(), config.users());
        // Written only by the acknowledgements (the producer's I/O thread), read after the last one: no per-request
        // arrays, so the heap a run needs does not grow with --messages.
        long[] predicted = new long[config.partitions()];
        Map<String, long[]> perConcert = new HashMap<>();
        boolean keyDecides = config.strategy().keyDecidesPartition();
        Map<String, Integer> keyPartitions = new HashMap<>();
        Map<String, Integer> shownKeys = new LinkedHashMap<>();
        String clientId = topic + "-producer";
        AdaptiveSummary adaptive = AdaptiveSummary.NONE;
        AtomicLong completed = new AtomicLong();
        boolean delivered = false;
        long topicBytes = 0;
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(config, clientId, deadline));
        try {
            accounting.firstSendNanos = System.nanoTime();
            long intervalNanos = config.ratePerSecond() == 0 ? 0 : 1_000_000_000L / config.ratePerSecond();
            long[] nextProgress = {System.nanoTime() + PROGRESS_NANOS};
            TicketTraffic traffic = new TicketTraffic(topic, topic, strategy, users, concerts::concertFor,
                    intervalNanos);
            int sent = traffic.send(producer, config.messages(), accounting.firstSendNanos, seq -> {
                // Stops at the first failed send (one error, not one per record) and at the deadline or a lost cluster.
                if (accounting.failure.get() != null) {
                    return false;
                }
                deadline.check();
                if ((seq & 1023) == 0 && System.nanoTime() >= nextProgress[0]) {
                    listener.progress(config, accounting.produced.get(), accounting.distinctProcessed());
                    nextProgress[0] = System.nanoTime() + PROGRESS_NANOS;
                }
                return true;
            }, (seq, concertId, key, record) -> {
                int keyed = keyPartitions.computeIfAbsent(key,
                        k -> KafkaPartitioning.partitionFor(k, config.partitions()));
                if (shownKeys.size() < 64) {
                    shownKeys.putIfAbsent(key, keyed);
                }
                return (metadata, error) -> {
                    if (error != null) {
                        accounting.failed("producer", error);
                        completed.incrementAndGet();
                        return;
                    }
                    int partition = metadata.partition();
                    accounting.produced.incrementAndGet();
                    accounting.producedPerPartition.incrementAndGet(partition);
                    // The default partitioner's choice is the key's. The adaptive partitioner wrote its choice into
                    // this record's headers during send() (AdaptiveHeaderInterceptor); a record without them stayed.
                    int expected = keyDecides ? keyed : expectedFromHeaders(record, keyed);
                    predicted[expected]++;
                    if (partition != expected) {
                        accounting.mismatches.incrementAndGet();
                    }
                    perConcert.computeIfAbsent(concertId, c -> new long[config.partitions()])[partition]++;
                    completed.incrementAndGet(); // last: the runner reads the counts above after it
                };
            });
            // Instead of flush(), which waits up to delivery.timeout.ms whatever happens: every acknowledgement, the
            // first failure, the deadline or a lost cluster, whichever comes first.
            while (completed.get() < sent && accounting.failure.get() == null) {
                deadline.check();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            delivered = accounting.failure.get() == null;
            topicBytes = topicBytes(producer, topic);
            if (!keyDecides) {
                adaptive = AdaptiveRegistry.forClient(clientId)
                        .map(router -> adaptiveSummary(config, router, accounting)).orElse(AdaptiveSummary.NONE);
            }
        } finally {
            producer.close(delivered ? java.time.Duration.ofSeconds(5) : java.time.Duration.ZERO);
        }
        Throwable failure = accounting.failure.get();
        if (failure != null) {
            if (deadline.silentMillis() > RunDeadline.PROBE_TIMEOUT.toMillis()) {
                // The send failed because the cluster is gone (e.g. "not present in metadata after N ms"): say so.
                ExperimentException lost = deadline.lostError();
                lost.initCause(failure);
                throw lost;
            }
            throw new ExperimentException(ExperimentRunner.failureMessage(topic, backend.bootstrapServers(),
                    accounting.failedMember.get(), failure), failure);
        }
        return new Produced(predicted, shownKeys, keyPartitions.size(), perConcert, adaptive, topicBytes);
    }

    /** The producer's own count of record batch bytes sent to {@code topic}: what the leaders appended to the log. */
    private static long topicBytes(KafkaProducer<?, ?> producer, String topic) {
        return producer.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("producer-topic-metrics")
                        && e.getKey().name().equals("byte-total") && topic.equals(e.getKey().tags().get("topic")))
                .mapToLong(e -> ((Number) e.getValue().metricValue()).longValue()).sum();
    }

    private static int expectedFromHeaders(ProducerRecord<String, byte[]> record, int home) {
        String salted = AdaptiveHeaders.text(record.headers(), AdaptiveHeaders.SALTED);
        return salted == null ? home : Integer.parseInt(salted);
    }

    private static AdaptiveSummary adaptiveSummary(ExperimentConfig config, HotKeyRouter router,
            RunAccounting accounting) {
        List<HotKeyEvent> events = router.events();
        long firstSendMillis = accounting.firstSendNanos / 1_000_000;
        return events.stream()
                .filter(e -> e.key().equals(config.key()) && e.kind() == HotKeyEvent.Kind.SPREAD).findFirst()
                .map(e -> new AdaptiveSummary(true, events, router.spreadRecords(), router.headersWritten(),
                        e.observation(), Math.max(0, e.atMillis() - firstSendMillis)))
                .orElseGet(() -> new AdaptiveSummary(true, events, router.spreadRecords(), router.headersWritten(),
                        -1, -1));
    }

    Map<String, Object> producerConfig(ExperimentConfig run, String clientId, RunDeadline deadline) {
        Map<String, Object> config = backend.clientConfig();
        // max.block.ms (default 60000): how long send() may block for metadata or buffer space; delivery.timeout.ms
        // (default 120000): how long a record may wait for its acknowledgement; both never past the run's deadline.
        // request.timeout.ms (default 30000) and linger.ms (default 5) must fit into delivery.timeout.ms.
        int remaining = (int) Math.min(Integer.MAX_VALUE, Math.max(1_000, deadline.remainingMillis()));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deadline.boundMillis(RunDeadline.LOSS_AFTER));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, remaining - 5));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, remaining);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // acks (default all) and enable.idempotence (default true) spelled out: nothing is reported sent that the
        // cluster did not take, and retries do not reorder or duplicate a partition's records.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // What the strategy needs from the producer (ADAPTIVE: partitioner.class, interceptor.classes and the
        // adaptive partitioner's settings), the same for every producer of the project.
        return run.strategy().producerConfig(config, adaptive);
    }
}
