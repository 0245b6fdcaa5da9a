package dev.hotkeylab.experiment;

import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * One member of a run's group on its own thread, whatever the {@link GroupType}: {@link GroupMember} (consumer group)
 * or {@link ShareMember} (share group). Both feed the same {@link RunAccounting}.
 */
interface Member extends Runnable {

    /** Asks the member to leave; returns at once, the thread ends soon after. */
    void stop();

    /** Whether an injected {@link ConsumerCrash} stopped this member. */
    boolean crashed();

    String clientId();

    /** Partitions assigned to this member (a share group assigns a partition to several members). */
    Set<Integer> assignment();

    /** Records this member processed (acknowledged or committed after the handler succeeded). */
    long records();

    Histogram latencyMicros();

    /** Records per {@link ExperimentResult#TIMELINE_BUCKET_MILLIS} bucket from bucket 0 to {@code buckets - 1}. */
    List<Long> timeline(int buckets);

    /** The last bucket with a record, -1 for none. */
    long lastBucket();
}
