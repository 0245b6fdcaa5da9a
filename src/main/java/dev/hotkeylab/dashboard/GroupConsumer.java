package dev.hotkeylab.dashboard;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One member of a consumer group: polls, spends the service time on each record (the simulated work of selling a
 * ticket), and commits after each batch so the group's committed offsets, which the dashboard reads, follow the work
 * closely. Each commit carries the client id as its metadata. Run it on its own thread; {@link #close()} from any thread stops it.
 */
public final class GroupConsumer implements LiveConsumer {

    /** Small batches keep commits (and so the dashboard) close to the work when each record takes a while. */
    public static final int MAX_POLL_RECORDS = 50;

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final String clientId;
    private final long serviceTimeMillis;
    private final Runnable onProgress;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong processed = new AtomicLong();
    private final Map<Integer, Long> perPartition = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Set<Integer> assignment = Set.of();
    private volatile boolean assignedOnce;
    private volatile Exception failure;

    /**
     * @param serviceTime time spent per record before its offset is committed
     * @param onProgress  called (on the consumer thread) after each commit and each rebalance
     */
    public GroupConsumer(Map<String, Object> clientConfig, String topic, String group, String clientId,
                         Duration serviceTime, Runnable onProgress) {
        if (serviceTime.isNegative()) {
            throw new IllegalArgumentException("service time must be >= 0 ms but got " + serviceTime.toMillis() + " ms");
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
        this.clientId = clientId;
        this.serviceTimeMillis = serviceTime.toMillis();
        this.onProgress = onProgress;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    Set<Integer> left = new TreeSet<>(assignment);
                    partitions.forEach(tp -> left.remove(tp.partition()));
                    assignment = Set.copyOf(left);
                    onProgress.run();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    Set<Integer> now = new TreeSet<>(assignment);
                    partitions.forEach(tp -> now.add(tp.partition()));
                    assignment = Set.copyOf(now);
                    assignedOnce = true;
                    onProgress.run();
                }
            });
            while (!closed.get()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> r : records) {
                    if (closed.get()) {
                        break;
                    }
                    serve();
                    processed.incrementAndGet();
                    perPartition.merge(r.partition(), 1L, Long::sum);
                    // The client id in the commit's metadata lets a watcher credit work it did not see assigned.
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1, clientId));
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                    onProgress.run();
                }
            }
        } catch (WakeupException | InterruptException e) {
            if (!closed.get()) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
            assignment = Set.of();
            onProgress.run();
        }
    }

    private void serve() {
        if (serviceTimeMillis > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(serviceTimeMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
    }

    public String clientId() {
        return clientId;
    }

    /** Records served and committed so far. */
    public long processed() {
        return processed.get();
    }

    /** Records served per partition. */
    public Map<Integer, Long> processedPerPartition() {
        return new TreeMap<>(perPartition);
    }

    /** Partitions owned now. */
    public Set<Integer> assignment() {
        return assignment;
    }

    /** True once the group coordinator has assigned this member at least once. */
    public boolean assignedOnce() {
        return assignedOnce;
    }

    /** The error that stopped the loop, or null. */
    public Exception failure() {
        return failure;
    }

    /** Stops the loop; the thread commits nothing more and closes the consumer. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            consumer.wakeup();
        }
    }
}
