package dev.hotkeylab.experiment;

import dev.hotkeylab.metrics.LatencyStats;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One member of a run's group on its own thread, whatever the {@link GroupType}: {@link GroupMember} (consumer group)
 * or {@link ShareMember} (share group). Both feed the same {@link RunAccounting}; this base holds what they have
 * alike (the handler, the injected crash, records, latency, timeline, assignment, the crash flag) and runs and stops
 * the {@link MemberLoop} the subclass makes and works for.
 */
abstract class Member implements Runnable {

    private final String clientId;
    /** What each record is handed to. */
    protected final RequestHandler handler;
    /** The record after which an injected {@link ConsumerCrash} stops this member, {@link Long#MAX_VALUE} for none. */
    protected final long crashAfter;
    /** The run's shared counters. */
    protected final RunAccounting accounting;
    /** This member's own tally, merged into {@link #accounting} at each {@link #flush(long, int)}. */
    protected final RunAccounting.Batch tally;
    private final Set<Integer> assignment = new ConcurrentSkipListSet<>();
    protected final AtomicLong records = new AtomicLong();
    private final Timeline timeline = new Timeline();
    private final Histogram latencyMicros = LatencyStats.newHistogram();
    protected volatile boolean crashed;

    protected Member(String clientId, RunAccounting accounting, RequestHandler handler, long crashAfter) {
        this.clientId = clientId;
        this.handler = handler;
        this.crashAfter = crashAfter;
        this.accounting = accounting;
        this.tally = accounting.batch(latencyMicros);
    }

    /** This member's loop, made by the subclass's constructor with the subclass as its work. */
    abstract MemberLoop loop();

    @Override
    public final void run() {
        loop().run();
    }

    /** Asks the member to leave; returns at once, the thread ends soon after. */
    final void stop() {
        loop().stop();
    }

    /** Merges the tally's {@code n} records into the run's accounting and this member's timeline. */
    protected final void flush(long nowNanos, int n) {
        timeline.record(tally.flush(nowNanos), n);
    }

    /** The error that ended the loop ({@link MemberLoop.Events#failed}): it fails the run. */
    public final void failed(Exception e) {
        accounting.failed(clientId, e);
    }

    /** Whether an injected {@link ConsumerCrash} stopped this member. */
    final boolean crashed() {
        return crashed;
    }

    final String clientId() {
        return clientId;
    }

    /** Partitions assigned to this member (a share group assigns a partition to several members). */
    final Set<Integer> assignment() {
        return assignment;
    }

    /**
     * Sets the partitions assigned now: told by the {@link ConsumerLoop} after each rebalance (consumer group), or by
     * the runner from Admin's share-group description (share group).
     */
    public void assigned(Set<Integer> partitions) {
        assignment.retainAll(partitions);
        assignment.addAll(partitions);
    }

    /** Records this member processed (acknowledged or committed after the handler succeeded). */
    final long records() {
        return records.get();
    }

    final Histogram latencyMicros() {
        return latencyMicros;
    }

    /** Records per {@link ExperimentResult#TIMELINE_BUCKET_MILLIS} bucket from bucket 0 to {@code buckets - 1}. */
    final List<Long> timeline(int buckets) {
        return timeline.values(buckets);
    }

    /** The last bucket with a record, -1 for none. */
    final long lastBucket() {
        return timeline.lastBucket();
    }
}
