package dev.hotkeylab.dashboard;

import dev.hotkeylab.experiment.CommitPolicy;
import dev.hotkeylab.experiment.ConsumerLoop;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.InterruptException;

/**
 * One member of a consumer group: polls, spends the service time on each record (the simulated work of selling a
 * ticket), and commits after each batch so the group's committed offsets, which the dashboard reads, follow the work
 * closely. Each commit carries the client id as its metadata. The loop is the experiments' own {@link ConsumerLoop}
 * ({@link CommitPolicy#SMALL_BATCHES}); this class does the work and keeps the figures the {@code consume} command
 * prints. Run it on its own thread; {@link #close()} from any thread stops it.
 */
public final class GroupConsumer implements LiveConsumer {

    /** Small batches keep commits (and so the dashboard) close to the work when each record takes a while. */
    public static final int MAX_POLL_RECORDS = CommitPolicy.SMALL_BATCHES.maxPollRecords();

    private final ConsumerLoop loop;
    private final long serviceTimeMillis;
    private final Runnable onProgress;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong processed = new AtomicLong();
    private final Map<Integer, Long> perPartition = new ConcurrentHashMap<>();
    private volatile Set<Integer> assignment = Set.of();
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
        this.serviceTimeMillis = serviceTime.toMillis();
        this.onProgress = onProgress;
        this.loop = new ConsumerLoop(ConsumerLoop.config(clientConfig, group, clientId, MAX_POLL_RECORDS), topic,
                CommitPolicy.SMALL_BATCHES, new Work());
    }

    @Override
    public void run() {
        loop.run();
    }

    /** What the loop does with each record: the service time, then the counts. */
    private final class Work implements ConsumerLoop.Work {

        @Override
        public boolean handle(ConsumerRecord<String, byte[]> record) {
            serve();
            processed.incrementAndGet();
            perPartition.merge(record.partition(), 1L, Long::sum);
            return true;
        }

        @Override
        public void progress() {
            onProgress.run();
        }

        @Override
        public void assigned(Set<Integer> partitions) {
            assignment = partitions;
        }

        @Override
        public void failed(Exception e) {
            failure = e;
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
        return loop.clientId();
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
        return loop.assignedOnce();
    }

    /** The error that stopped the loop, or null. */
    public Exception failure() {
        return failure;
    }

    /** Stops the loop; the thread closes the consumer (see {@link ConsumerLoop#stop()}). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            loop.stop();
        }
    }
}
