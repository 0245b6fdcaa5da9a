package dev.hotkeylab.experiment;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaFuture;

/**
 * One strategy's single deadline across every phase (creating the topic, settling the group, producing, consuming,
 * reading the end offsets), derived from the run's {@code timeout}, and a watch on the cluster that turns a lost cluster
 * into a one-line error within {@link #LOSS_AFTER} of the loss whatever the phase. Every wait of the runner goes
 * through {@link #check()} or {@link #await}, so none outlives the deadline or the cluster.
 *
 * <p>The watch asks the cluster to describe itself ({@code Admin#describeCluster}, bounded by {@link #PROBE_TIMEOUT})
 * once a second on a daemon thread; a cluster that answered no probe for {@link #LOSS_AFTER} is lost. A cluster that
 * lost one broker of several still answers, so the broker-failure experiments are not cut short.
 */
final class RunDeadline implements AutoCloseable {

    /** How long the cluster may leave every probe unanswered before the run fails as lost. */
    static final Duration LOSS_AFTER = Duration.ofSeconds(15);

    /** How long one probe waits for the cluster's answer. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final Duration timeout;
    private final String bootstrap;
    private final String what;
    private final AtomicLong lastAnswerNanos = new AtomicLong(System.nanoTime());
    private volatile RunPhase phase = RunPhase.CREATING;
    private volatile boolean closed;
    private Thread watcher;

    RunDeadline(Duration timeout, String bootstrap, String what) {
        this.timeout = timeout;
        this.deadlineNanos = startNanos + timeout.toNanos();
        this.bootstrap = bootstrap;
        this.what = what;
    }

    /** Starts probing the cluster through {@code admin} (the runner's own Admin client). */
    RunDeadline watch(Admin admin) {
        watcher = new Thread(() -> {
            while (!closed) {
                long asked = System.nanoTime();
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                            .clusterId().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    lastAnswerNanos.accumulateAndGet(asked, Math::max);
                } catch (InterruptedException e) {
                    return;
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    // No answer: lastAnswerNanos stays where it was.
                }
                long wait = TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - asked);
                if (wait > 0 && !closed) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }, "hotkey-cluster-watch");
        watcher.setDaemon(true);
        watcher.start();
        return this;
    }

    /** Marks the phase the run is in (named in the errors). */
    void phase(RunPhase next) {
        this.phase = next;
    }

    RunPhase phase() {
        return phase;
    }

    /** Milliseconds left before the deadline, at least 1. */
    long remainingMillis() {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    /** At most {@code cap}, and never past the deadline: the bound of one blocking client call. */
    int boundMillis(Duration cap) {
        return (int) Math.min(Integer.MAX_VALUE, Math.min(cap.toMillis(), remainingMillis()));
    }

    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    /** Milliseconds since the cluster last answered a probe. */
    long silentMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastAnswerNanos.get());
    }

    boolean lost() {
        return watcher != null && silentMillis() > LOSS_AFTER.toMillis();
    }

    /**
     * @throws ExperimentException "interrupted while PHASE", "lost the Kafka cluster at B while PHASE (STRATEGY): no answer for N s", or
     *                             "STRATEGY did not finish within T s (--timeout) while PHASE"
     */
    void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ExperimentException("interrupted while " + phase.text() + " (" + what + ")");
        }
        if (lost()) {
            throw lostError();
        }
        if (expired()) {
            throw new ExperimentException(what + " did not finish within " + timeout.toSeconds() + " s (--timeout) "
                    + "while " + phase.text() + " on " + bootstrap + "; raise --timeout or lower --messages");
        }
    }

    ExperimentException lostError() {
        return new ExperimentException("lost the Kafka cluster at " + bootstrap + " while " + phase.text() + " ("
                + what + "): no answer for " + silentMillis() / 1000 + " s");
    }

    /**
     * Waits for an Admin call's result, checking the deadline and the cluster every 100 ms.
     *
     * @throws ExecutionException the call's own failure
     * @throws ExperimentException when the deadline passes or the cluster is lost first
     */
    <T> T await(KafkaFuture<T> future) throws ExecutionException, InterruptedException {
        while (true) {
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                check();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
    }
}
