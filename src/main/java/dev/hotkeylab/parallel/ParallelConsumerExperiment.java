package dev.hotkeylab.parallel;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentException;
import dev.hotkeylab.experiment.RequestHandler;
import dev.hotkeylab.experiment.TicketRequest;
import dev.hotkeylab.experiment.Topics;
import dev.hotkeylab.experiment.UserDraw;
import dev.hotkeylab.metrics.LatencyStats;
import dev.hotkeylab.metrics.OrderTracker;
import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The in-partition alternative to salting: keep the hot key (every request on one partition) and let Confluent's
 * Parallel Consumer run {@code maxConcurrency} handlers inside that partition. Same requests, users, seed and service
 * time as an {@code ExperimentRunner} run, so throughput and ordering compare directly. In KEY mode every request
 * shares the concert key, so the consumer may only run one at a time; UNORDERED runs them all in parallel and gives up
 * order.
 */
public final class ParallelConsumerExperiment {

    /** How long the consumer may take to get its partitions before the run fails. */
    static final long ASSIGN_TIMEOUT_MILLIS = 30_000;
    private static final String PC_POM_PROPERTIES =
            "/META-INF/maven/io.confluent.parallelconsumer/parallel-consumer-core/pom.properties";

    private final KafkaBackend backend;

    public ParallelConsumerExperiment(KafkaBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /**
     * Produces {@code config.messages()} requests keyed by {@code config.key()} and processes them with one Parallel
     * Consumer of {@code config.consumers()} concurrency in {@code order} mode. {@code config.strategy()} is ignored:
     * the point is to keep the hot key.
     *
     * @throws ExperimentException when the consumer gets no partitions or not every request is processed in time
     */
    public ParallelConsumerResult run(ExperimentConfig config, ProcessingOrder order) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(order, "order");
        String topic = "pc-" + order.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(backend.clientConfig())) {
            Topics.create(admin, backend, topic, config.partitions());
            try {
                return runOnTopic(config, order, topic);
            } finally {
                admin.deleteTopics(List.of(topic));
            }
        }
    }

    private ParallelConsumerResult runOnTopic(ExperimentConfig config, ProcessingOrder order, String topic) {
        int n = config.messages();
        long[] sendNanos = new long[n];
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        AtomicInteger distinct = new AtomicInteger();
        AtomicLong processed = new AtomicLong();
        AtomicLong lastProcessedNanos = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        OrderTracker concertOrder = new OrderTracker();
        OrderTracker userOrder = new OrderTracker();
        Histogram latency = LatencyStats.newHistogram();
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        RequestHandler handler = RequestHandler.serviceTime(config.serviceTimeMillis());

        ParallelConsumerOptions<String, byte[]> options = ParallelConsumerOptions.<String, byte[]>builder()
                .consumer(new KafkaConsumer<>(consumerConfig(topic + "-group")))
                .ordering(order)
                .maxConcurrency(config.consumers())
                .commitMode(ParallelConsumerOptions.CommitMode.PERIODIC_CONSUMER_ASYNCHRONOUS)
                .build();
        long firstSend;
        try (ParallelStreamProcessor<String, byte[]> pc = ParallelStreamProcessor.createEosStreamProcessor(options)) {
            pc.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        assigned.countDown();
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }
            });
            pc.poll(context -> {
                ConsumerRecord<String, byte[]> record = context.getSingleConsumerRecord();
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    TicketRequest request = TicketRequest.fromJson(record.value());
                    handler.handle(request);
                    long finished = System.nanoTime();
                    processed.incrementAndGet();
                    concertOrder.processed(request.concertId(), request.sequence());
                    userOrder.processed(request.userId(), request.sequence());
                    int seq = (int) request.sequence();
                    if (seq >= 0 && seq < n && seen.compareAndSet(seq, 0, 1)) {
                        synchronized (latency) {
                            latency.recordValue(Math.max(1, (finished - sendNanos[seq]) / 1000));
                        }
                        lastProcessedNanos.accumulateAndGet(finished, Math::max);
                        if (distinct.incrementAndGet() == n) {
                            done.countDown();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted in the handler", e);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    done.countDown();
                    throw new IllegalStateException(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            if (!assigned.await(ASSIGN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new ExperimentException("the parallel consumer got no partition of " + topic + " within "
                        + ASSIGN_TIMEOUT_MILLIS + " ms");
            }
            firstSend = produce(config, topic, sendNanos);
            if (!done.await(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExperimentException("only " + distinct.get() + " of " + n + " requests were processed within "
                        + config.timeout().toSeconds() + " s (parallel consumer " + order + ", concurrency "
                        + config.consumers() + ", service time " + config.serviceTimeMillis() + " ms)");
            }
            if (failure.get() != null) {
                throw new ExperimentException("the handler failed: " + failure.get().getMessage(), failure.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while running the parallel consumer on " + topic, e);
        }
        long drainNanos = Math.max(1, lastProcessedNanos.get() - firstSend);
        return new ParallelConsumerResult(order.name(),
                "parallel-consumer-core " + parallelConsumerVersion() + ", kafka-clients " + AppInfoParser.getVersion(),
                config.key(), config.partitions(), n, config.consumers(), config.serviceTimeMillis(), config.seed(),
                config.users(), topic, drainNanos / 1_000_000, n / (drainNanos / 1e9), maxInFlight.get(),
                concertOrder.violations(), userOrder.violations(), processed.get(), processed.get() - distinct.get(),
                LatencyStats.of(latency));
    }

    /** The version the jar says it is (from its Maven pom.properties), so the report names what really ran. */
    static String parallelConsumerVersion() {
        try (java.io.InputStream in = ParallelStreamProcessor.class.getResourceAsStream(PC_POM_PROPERTIES)) {
            if (in == null) {
                return "(unknown version)";
            }
            java.util.Properties props = new java.util.Properties();
            props.load(in);
            return props.getProperty("version", "(unknown version)");
        } catch (java.io.IOException e) {
            return "(unknown version)";
        }
    }

    /** The runner's request stream with the hot key kept: same users (same seeded draws), key = concert id. */
    private long produce(ExperimentConfig config, String topic, long[] sendNanos) {
        UserDraw users = UserDraw.seeded(config.seed(), config.users());
        long first;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
            first = System.nanoTime();
            for (int seq = 0; seq < config.messages(); seq++) {
                String userId = users.next();
                TicketRequest request = new TicketRequest(topic + "-" + seq, config.key(), userId, seq,
                        System.currentTimeMillis());
                sendNanos[seq] = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, config.key(), request.toJson()));
            }
            producer.flush();
        }
        return first;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = backend.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    private Map<String, Object> consumerConfig(String group) {
        Map<String, Object> config = backend.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // enable.auto.commit (default true): Parallel Consumer commits itself and refuses to start with auto commit.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // auto.offset.reset (default latest): records sent right after the assignment must not be skipped.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }
}
