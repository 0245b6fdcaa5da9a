package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.ShareGroups;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The share-group side of {@link ExperimentRunner}: checks that the cluster hosts share groups, sets the run's group
 * configs before any member joins, builds the members' client configs, waits until the coordinator has assigned every
 * partition, and sums up what only share groups report.
 */
final class ShareGroupRun {

    /** Kafka's default {@code share.delivery.count.limit} (group.share.delivery.count.limit, range 2..10). */
    static final int DEFAULT_DELIVERY_COUNT_LIMIT = 5;

    private ShareGroupRun() {
    }

    /** Fails with one line where {@code share.version} is off; then configures the run's group. */
    static void prepare(Admin admin, KafkaBackend backend, String group, int deliveryCountLimit, long timeoutMillis)
            throws InterruptedException {
        ShareGroups.requireSupported(admin, backend.bootstrapServers(), timeoutMillis);
        ShareGroups.configure(admin, group, Map.of(
                // share.auto.offset.reset (default latest): members join before the first send, but a member that
                // joins late must not skip what was produced before it.
                "share.auto.offset.reset", "earliest",
                // share.delivery.count.limit (default: the broker's group.share.delivery.count.limit, 5): set here so
                // the members know when a failed record is archived.
                "share.delivery.count.limit", String.valueOf(deliveryCountLimit)), timeoutMillis);
    }

    /** A member's client config: {@link ShareLoop#config} over the backend's client settings. */
    static Map<String, Object> consumerConfig(KafkaBackend backend, String group, String clientId,
            int maxPollRecords) {
        return ShareLoop.config(backend.clientConfig(), group, clientId, maxPollRecords);
    }

    /**
     * Waits until the group coordinator has assigned every partition and every member has an assignment (members are
     * not capped by the partition count: a share group assigns a partition to several members), and tells each member
     * its partitions.
     */
    static void awaitSettled(Admin admin, String group, ExperimentConfig config, List<Member> members,
            RunAccounting accounting, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String last = "no description yet";
        while (true) {
            if (accounting.failure.get() != null) {
                throw new ExperimentException("share member " + accounting.failedMember.get()
                        + " failed while joining: " + accounting.failure.get().getMessage(), accounting.failure.get());
            }
            try {
                ShareGroupDescription d = admin.describeShareGroups(List.of(group)).all()
                        .get(5, TimeUnit.SECONDS).get(group);
                Map<String, Set<Integer>> byClient = new HashMap<>();
                Set<Integer> union = new HashSet<>();
                for (ShareMemberDescription m : d.members()) {
                    Set<Integer> parts = new HashSet<>();
                    for (TopicPartition tp : m.assignment().topicPartitions()) {
                        parts.add(tp.partition());
                    }
                    byClient.put(m.clientId(), parts);
                    union.addAll(parts);
                }
                boolean everyMember = members.stream()
                        .allMatch(m -> !byClient.getOrDefault(m.clientId(), Set.of()).isEmpty());
                if (everyMember && union.size() == config.partitions()) {
                    members.forEach(m -> ((ShareMember) m).assigned(byClient.get(m.clientId())));
                    return;
                }
                last = byClient.size() + " of " + members.size() + " members described, " + union.size() + " of "
                        + config.partitions() + " partitions assigned";
            } catch (ExecutionException | TimeoutException e) {
                last = String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new ExperimentException("share group " + group + " did not settle within " + timeoutMillis
                        + " ms: " + last);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    static ShareSummary summary(List<Member> members, RunAccounting accounting, int deliveryCountLimit) {
        long lock = -1;
        long crashedAt = 0;
        for (Member m : members) {
            ShareMember s = (ShareMember) m;
            lock = Math.max(lock, s.acquisitionLockMillis());
            if (s.crashed() && (crashedAt == 0 || s.crashedAtNanos() < crashedAt)) {
                crashedAt = s.crashedAtNanos();
            }
        }
        long redelivered = accounting.firstRedeliveryNanos.get();
        long crashToRedelivery = crashedAt == 0 || redelivered == 0 || redelivered < crashedAt ? -1
                : (redelivered - crashedAt) / 1_000_000;
        return new ShareSummary(GroupType.SHARE.label(), accounting.shareRedeliveries.get(),
                accounting.shareReleased.get(), accounting.shareArchived.get(), deliveryCountLimit, lock,
                crashToRedelivery);
    }
}
