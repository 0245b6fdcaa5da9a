package dev.hotkeylab.experiment;

import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How an {@link ExperimentRunner} runs every experiment it is given, apart from the experiment itself
 * ({@link ExperimentConfig}): immutable, each {@code with} method returns a copy, the constructor refuses a bad value
 * naming it.
 *
 * @param keepTopics               keep each run's topic after the run (e.g. to show it on the dashboard); default false
 * @param commits                  how the group's members fetch and commit ({@link CommitPolicy#SMALL_BATCHES} by
 *                                 default: 50 records a poll and a commitSync after each batch, so a consumer that dies
 *                                 redelivers little and the live view of lag stays smooth; {@link
 *                                 CommitPolicy#THROUGHPUT} for runs at service time 0)
 * @param crash                    a consumer crash injected into every run, or null for none
 * @param adminTimeout             how long Admin calls (creating the run's topic) may wait for the cluster; >= 100 ms,
 *                                 default 30 s
 * @param adaptive                 the adaptive partitioner's settings for {@link dev.hotkeylab.keys.Strategy#ADAPTIVE}
 *                                 runs (default {@link AdaptivePartitionerConfig#defaults()}: threshold 0.2, 10 s
 *                                 window, min 100 events, all partitions)
 * @param groupType                how runs consume: a consumer group (default) or a share group (KIP-932)
 * @param shareDeliveryCountLimit  share groups: deliveries of one record before the broker archives it
 *                                 ({@code share.delivery.count.limit}; Kafka's range 2..10, default 5)
 * @param records                  whether runs keep their records or delete them as consumed
 *                                 ({@link RecordRetention#AUTO} by default: deleted from 10^6 requests)
 */
public record RunnerOptions(boolean keepTopics, CommitPolicy commits, ConsumerCrash crash, Duration adminTimeout,
        AdaptivePartitionerConfig adaptive, GroupType groupType, int shareDeliveryCountLimit, RecordRetention records) {

    /** The consumers' {@code max.poll.records} unless {@link #withMaxPollRecords(int)} says otherwise. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 50;

    public RunnerOptions {
        if (commits == null) {
            throw new IllegalArgumentException("commit policy must not be null");
        }
        if (adminTimeout == null || adminTimeout.toMillis() < 100 || adminTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("admin timeout must be >= 100 ms but got " + adminTimeout);
        }
        if (adaptive == null) {
            throw new IllegalArgumentException("adaptive partitioner config must not be null");
        }
        if (groupType == null) {
            throw new IllegalArgumentException("group type must be one of " + GroupType.allowedNames() + " but got null");
        }
        if (records == null) {
            throw new IllegalArgumentException("records must be one of " + RecordRetention.NAMES + " but got null");
        }
        if (shareDeliveryCountLimit < 2 || shareDeliveryCountLimit > 10) {
            throw new IllegalArgumentException("share delivery count limit must be in [2, 10] but got "
                    + shareDeliveryCountLimit);
        }
    }

    /** Topics deleted, 50 records per poll, no crash, 30 s Admin timeout, default adaptive settings, consumer groups. */
    public static RunnerOptions defaults() {
        return new RunnerOptions(false, CommitPolicy.SMALL_BATCHES, null, Duration.ofSeconds(30),
                AdaptivePartitionerConfig.defaults(), GroupType.CLASSIC, ShareGroupRun.DEFAULT_DELIVERY_COUNT_LIMIT,
                RecordRetention.AUTO);
    }

    public RunnerOptions withKeepTopics(boolean keep) {
        return copy(b -> b.keepTopics = keep);
    }

    /** At most {@code records} a poll, a commitSync after each batch (what {@code maxPollRecords} always meant). */
    public RunnerOptions withMaxPollRecords(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("max.poll.records must be >= 1 but got " + records);
        }
        return withCommits(new CommitPolicy(records, 1, 0, true));
    }

    public RunnerOptions withCommits(CommitPolicy policy) {
        return copy(b -> b.commits = policy);
    }

    public RunnerOptions withCrash(ConsumerCrash plan) {
        return copy(b -> b.crash = plan);
    }

    public RunnerOptions withAdminTimeout(Duration timeout) {
        return copy(b -> b.adminTimeout = timeout);
    }

    public RunnerOptions withAdaptive(AdaptivePartitionerConfig config) {
        return copy(b -> b.adaptive = config);
    }

    public RunnerOptions withGroupType(GroupType type) {
        return copy(b -> b.groupType = type);
    }

    public RunnerOptions withShareDeliveryCountLimit(int limit) {
        return copy(b -> b.shareDeliveryCountLimit = limit);
    }

    /**
     * What a run of {@code messages} requests does with its records: {@link #records()} resolved for the run, except
     * that {@link RecordRetention#AUTO} keeps them when the topic is kept after the run (it is kept to be read again:
     * {@code bench --perf} re-reads FIXED_KEY's partition, the dashboard shows the topic).
     */
    public RecordRetention recordsFor(int messages) {
        return records == RecordRetention.AUTO && keepTopics ? RecordRetention.KEEP
                : records.resolve(messages, groupType);
    }

    public RunnerOptions withRecords(RecordRetention retention) {
        return copy(b -> b.records = retention);
    }

    /** This record with what {@code change} sets, checked by the constructor as any new one. */
    private RunnerOptions copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new RunnerOptions(c.keepTopics, c.commits, c.crash, c.adminTimeout, c.adaptive, c.groupType,
                c.shareDeliveryCountLimit, c.records);
    }

    /** The components of one copy while a {@code with} method changes one of them. */
    private static final class Copy {
        boolean keepTopics;
        CommitPolicy commits;
        ConsumerCrash crash;
        Duration adminTimeout;
        AdaptivePartitionerConfig adaptive;
        GroupType groupType;
        int shareDeliveryCountLimit;
        RecordRetention records;

        Copy(RunnerOptions o) {
            keepTopics = o.keepTopics;
            commits = o.commits;
            crash = o.crash;
            adminTimeout = o.adminTimeout;
            adaptive = o.adaptive;
            groupType = o.groupType;
            shareDeliveryCountLimit = o.shareDeliveryCountLimit;
            records = o.records;
        }
    }
}
