package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.KafkaBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;

/**
 * The experiment's consumers: C members of one consumer group ({@link GroupMember}) or share group
 * ({@link ShareMember}), each on its own daemon thread, started, waited for until their assignment has settled, until
 * every request was processed, and stopped. {@link #close()} gives the threads one shared budget to leave the group.
 */
final class GroupDriver implements AutoCloseable {

    /** How long the group may take to settle its first assignment. */
    static final long SETTLE_TIMEOUT_MILLIS = 30_000;

    private final KafkaBackend backend;
    private final RunnerOptions options;
    private final ExperimentConfig config;
    private final String topic;
    private final String group;
    private final RunAccounting accounting;
    private final List<Member> members = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean finished;

    GroupDriver(KafkaBackend backend, RunnerOptions options, ExperimentConfig config, String topic, String group,
            RunAccounting accounting) {
        if (options.crash() != null && options.crash().member() >= config.consumers()) {
            throw new IllegalArgumentException("crash member must be in [0, " + (config.consumers() - 1) + "] but got "
                    + options.crash().member());
        }
        this.backend = backend;
        this.options = options;
        this.config = config;
        this.topic = topic;
        this.group = group;
        this.accounting = accounting;
    }

    boolean share() {
        return options.groupType() == GroupType.SHARE;
    }

    /**
     * Starts the members with {@code handler} and waits until the group has settled: every partition owned by one of
     * min(C, P) classic members, or every share member assigned.
     *
     * @return each member's settled assignment, by member index
     * @throws ExperimentException when the group does not settle within {@link #SETTLE_TIMEOUT_MILLIS} or a member
     *                             fails while joining
     */
    Map<Integer, List<Integer>> startAndSettle(Admin admin, RequestHandler handler, RunDeadline deadline)
            throws InterruptedException {
        ConsumerCrash crash = options.crash();
        if (share()) {
            ShareGroupRun.prepare(admin, backend, group, options.shareDeliveryCountLimit(),
                    options.adminTimeout().toMillis());
        }
        for (int i = 0; i < config.consumers(); i++) {
            String clientId = group + "-c" + i;
            long crashAfter = crash != null && crash.member() == i ? crash.afterRecords() : Long.MAX_VALUE;
            Member member = share()
                    ? new ShareMember(clientId, ShareGroupRun.consumerConfig(backend, group, clientId,
                            options.commits().maxPollRecords()), topic, handler, accounting, crashAfter,
                            options.shareDeliveryCountLimit())
                    : new GroupMember(clientId, consumerConfig(group, clientId), topic, handler, accounting,
                            crashAfter, options.commits());
            members.add(member);
            Thread thread = new Thread(member, clientId);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        if (share()) {
            ShareGroupRun.awaitSettled(admin, group, config, members, accounting, SETTLE_TIMEOUT_MILLIS);
        } else {
            awaitClassicSettled(deadline);
        }
        Map<Integer, List<Integer>> settled = new TreeMap<>();
        for (int i = 0; i < members.size(); i++) {
            settled.put(i, List.copyOf(members.get(i).assignment()));
        }
        return settled;
    }

    List<Member> members() {
        return members;
    }

    /** The share group's figures, or {@link ShareSummary#CLASSIC} for a consumer group. */
    ShareSummary shareSummary() {
        return share() ? ShareGroupRun.summary(members, accounting, options.shareDeliveryCountLimit())
                : ShareSummary.CLASSIC;
    }

    /** Stops every member and waits up to 10 s for each thread (a finished run: they leave the group cleanly). */
    void stop() throws InterruptedException {
        members.forEach(Member::stop);
        for (Thread t : threads) {
            t.join(10_000);
        }
        finished = true;
    }

    private void awaitClassicSettled(RunDeadline runDeadline) {
        int expectedActive = Math.min(config.consumers(), config.partitions());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MILLIS);
        while (true) {
            runDeadline.check();
            if (accounting.failure.get() != null) {
                throw new ExperimentException("consumer " + accounting.failedMember.get() + " failed while joining: "
                        + ExperimentRunner.reason(accounting.failure.get()), accounting.failure.get());
            }
            int owners = 0;
            int owned = 0;
            Set<Integer> union = new java.util.HashSet<>();
            for (Member m : members) {
                Set<Integer> a = m.assignment();
                if (!a.isEmpty()) {
                    owners++;
                }
                owned += a.size();
                union.addAll(a);
            }
            if (owners == expectedActive && owned == config.partitions() && union.size() == config.partitions()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ExperimentException("consumer group did not settle within " + SETTLE_TIMEOUT_MILLIS
                        + " ms: " + owners + " of " + expectedActive + " consumers own " + union.size() + " of "
                        + config.partitions() + " partitions");
            }
            // The assignment arrives on the consumer threads; checking every 10 ms costs nothing.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /**
     * Waits until every request was processed once, telling {@code listener} the progress every 250 ms.
     *
     * @throws ExperimentException when a member failed, the cluster is lost or the run's timeout passed
     */
    void awaitProcessed(ExperimentListener listener, RunDeadline runDeadline) throws InterruptedException {
        while (!accounting.awaitAllProcessed(250)) {
            listener.progress(config, accounting.produced.get(), accounting.distinctProcessed());
            if (accounting.failure.get() != null) {
                break;
            }
            if (runDeadline.lost()) {
                throw runDeadline.lostError();
            }
            if (runDeadline.expired()) {
                throw new ExperimentException("only " + accounting.distinctProcessed() + " of " + config.messages()
                        + " requests were processed within " + config.timeout().toSeconds() + " s ("
                        + config.strategy() + ", " + config.consumers() + " consumers, service time "
                        + config.serviceTimeMillis() + " ms); raise --timeout or lower --messages");
            }
        }
        if (accounting.failure.get() != null) {
            throw new ExperimentException("consumer " + accounting.failedMember.get() + " failed: "
                    + ExperimentRunner.reason(accounting.failure.get()), accounting.failure.get());
        }
        listener.progress(config, accounting.produced.get(), accounting.distinctProcessed());
    }

    /**
     * Stops every member. After a failure the (daemon) consumer threads get one shared budget, a little over their 5 s
     * close. An interrupt (Ctrl-C) does not cut it short: the consumers leave their group before the broker goes.
     */
    @Override
    public void close() {
        members.forEach(Member::stop);
        boolean interrupted = Thread.interrupted();
        long joinUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(finished ? 10 : 6);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinUntil - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A classic member's client config: {@link ConsumerLoop#config} over the backend's client settings, at most
     * {@link CommitPolicy#maxPollRecords()} records per poll.
     */
    private Map<String, Object> consumerConfig(String group, String clientId) {
        return ConsumerLoop.config(backend.clientConfig(), group, clientId, options.commits().maxPollRecords());
    }
}
