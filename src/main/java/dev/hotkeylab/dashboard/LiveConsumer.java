package dev.hotkeylab.dashboard;

import dev.hotkeylab.experiment.MemberLoop;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.InterruptException;

/**
 * One member of a group on its own thread, as {@code hotkey-lab consume} runs it: {@link GroupConsumer} (consumer group)
 * or {@link ShareGroupConsumer} (share group). This base holds what both count alike: the service time spent on each
 * record, the records processed in all and per partition, the error that stopped the loop, and a {@link #close()} that
 * stops it once, from any thread. It runs and stops the experiments' {@link MemberLoop} the subclass makes.
 */
public abstract sealed class LiveConsumer implements Runnable, AutoCloseable
        permits GroupConsumer, ShareGroupConsumer {

    private final long serviceTimeMillis;
    private final Runnable onProgress;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong processed = new AtomicLong();
    private final Map<Integer, Long> perPartition = new ConcurrentHashMap<>();
    private volatile Exception failure;

    /**
     * @param serviceTime time spent per record before it counts as processed
     * @param onProgress  called on the consumer thread when the counts may have changed
     * @throws IllegalArgumentException for a negative service time
     */
    LiveConsumer(Duration serviceTime, Runnable onProgress) {
        if (serviceTime.isNegative()) {
            throw new IllegalArgumentException("service time must be >= 0 ms but got " + serviceTime.toMillis() + " ms");
        }
        this.serviceTimeMillis = serviceTime.toMillis();
        this.onProgress = onProgress;
    }

    /** This member's loop, made by the subclass's constructor. */
    abstract MemberLoop loop();

    @Override
    public final void run() {
        loop().run();
    }

    /** The member's client id. */
    public final String clientId() {
        return loop().clientId();
    }

    /** Partitions this member works on now. */
    public abstract Set<Integer> assignment();

    /** Records served and committed (or acknowledged and committed) so far. */
    public final long processed() {
        return processed.get();
    }

    /** Records served and committed per partition, by partition. */
    public final Map<Integer, Long> processedPerPartition() {
        return new TreeMap<>(perPartition);
    }

    /** The error that stopped the loop, or null. */
    public final Exception failure() {
        return failure;
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            loop().stop();
        }
    }

    /** Spends the service time: the simulated work of selling a ticket. */
    final void serve() {
        if (serviceTimeMillis > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(serviceTimeMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
    }

    final void counted(int partition, long records) {
        processed.addAndGet(records);
        perPartition.merge(partition, records, Long::sum);
    }

    final void failed(Exception e) {
        failure = e;
    }

    final void progress() {
        onProgress.run();
    }

    /** What a loop tells every live consumer alike: the base of each subclass's work. */
    abstract class LoopEvents implements MemberLoop.Events {

        @Override
        public final void progress() {
            LiveConsumer.this.progress();
        }

        @Override
        public final void failed(Exception e) {
            LiveConsumer.this.failed(e);
        }
    }

    /** Partitions this member has counted records from, ascending. */
    final Set<Integer> countedPartitions() {
        return Set.copyOf(new TreeMap<>(perPartition).keySet());
    }
}
