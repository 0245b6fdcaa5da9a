package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.keys.KafkaPartitioning;
import dev.hotkeylab.keys.KeyStrategy;
import dev.hotkeylab.keys.StrategyContext;
import dev.hotkeylab.keys.adaptive.AdaptiveHeaders;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import dev.hotkeylab.keys.adaptive.AdaptiveRegistry;
import dev.hotkeylab.keys.adaptive.HotKeyEvent;
import dev.hotkeylab.keys.adaptive.HotKeyRouter;
import dev.hotkeylab.metrics.LatencyStats;
import dev.hotkeylab.metrics.Skew;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs one experiment on a real broker: a fresh topic, a consumer group of C threads whose assignment has settled
 * before the first send (so the split is deterministic), N ticket requests keyed by the strategy, and the wait until
 * every request was processed. Every run gets its own topic and group, so runs never see each other's records.
 */
public final class ExperimentRunner {

    /** How long the group may take to settle its first assignment. */
    static final long SETTLE_TIMEOUT_MILLIS = 30_000;

    /** How often the listener hears of progress while producing. */
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** The consumers' {@code max.poll.records} unless {@link #maxPollRecords(int)} says otherwise. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 50;

    private final KafkaBackend backend;
    private boolean deleteTopics = true;
    private CommitPolicy commits = CommitPolicy.SMALL_BATCHES;
    private ConsumerCrash crash;
    private int adminTimeoutMillis = 30_000;
    private AdaptivePartitionerConfig adaptive = AdaptivePartitionerConfig.defaults();
    private GroupType groupType = GroupType.CLASSIC;
    private int shareDeliveryCountLimit = ShareGroupRun.DEFAULT_DELIVERY_COUNT_LIMIT;

    public ExperimentRunner(KafkaBackend backend) {
        this.backend = backend;
    }

    /** Keep each run's topic after the run (e.g. to inspect it with other tools). Default: deleted. */
    public ExperimentRunner keepTopics(boolean keep) {
        this.deleteTopics = !keep;
        return this;
    }

    /**
     * {@code max.poll.records} for the group's consumers (client default 500). Smaller batches commit more often, so a
     * consumer that dies redelivers less, and the live view of lag stays smooth.
     */
    public ExperimentRunner maxPollRecords(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("max.poll.records must be >= 1 but got " + records);
        }
        this.commits = new CommitPolicy(records, 1, 0, true);
        return this;
    }

    /**
     * How the group's members fetch and commit (default {@link CommitPolicy#SMALL_BATCHES}; {@link
     * CommitPolicy#THROUGHPUT} for runs at service time 0). Replaces {@link #maxPollRecords(int)}'s setting.
     */
    public ExperimentRunner commits(CommitPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("commit policy must not be null");
        }
        this.commits = policy;
        return this;
    }

    /** How following runs' members fetch and commit. */
    public CommitPolicy commits() {
        return commits;
    }

    /**
     * Settings of the adaptive partitioner for runs with {@link dev.hotkeylab.keys.Strategy#ADAPTIVE} (default:
     * {@link AdaptivePartitionerConfig#defaults()}: threshold 0.2, 10 s window, min 100 events, all partitions).
     */
    public ExperimentRunner adaptive(AdaptivePartitionerConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("adaptive partitioner config must not be null");
        }
        this.adaptive = config;
        return this;
    }

    /** Injects a consumer crash into every following run (null for none). */
    /** How long Admin calls (creating the run's topic) may wait for the cluster (default 30 s). */
    public ExperimentRunner adminTimeout(java.time.Duration timeout) {
        if (timeout == null || timeout.toMillis() < 100 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("admin timeout must be >= 100 ms but got " + timeout);
        }
        this.adminTimeoutMillis = (int) timeout.toMillis();
        return this;
    }

    /**
     * How following runs consume: a consumer group (default) or a share group (KIP-932), see {@link GroupType}.
     */
    public ExperimentRunner groupType(GroupType type) {
        if (type == null) {
            throw new IllegalArgumentException("group type must be one of " + GroupType.allowedNames() + " but got null");
        }
        this.groupType = type;
        return this;
    }

    /** How following runs consume. */
    public GroupType groupType() {
        return groupType;
    }

    /**
     * Share groups: deliveries of one record before the broker archives it ({@code share.delivery.count.limit}, set on
     * each run's group; Kafka's range 2..10, default 5).
     */
    public ExperimentRunner shareDeliveryCountLimit(int limit) {
        if (limit < 2 || limit > 10) {
            throw new IllegalArgumentException("share delivery count limit must be in [2, 10] but got " + limit);
        }
        this.shareDeliveryCountLimit = limit;
        return this;
    }

    public ExperimentRunner crash(ConsumerCrash plan) {
        this.crash = plan;
        return this;
    }

    public ExperimentResult run(ExperimentConfig config) {
        return run(config, ExperimentListener.NONE);
    }

    public ExperimentResult run(ExperimentConfig config, ExperimentListener listener) {
        return run(config, listener, RequestHandler.serviceTime(config.serviceTimeMillis()));
    }

    /**
     * Runs the experiment with a custom handler (e.g. an inventory reservation after the service time).
     *
     * @throws ExperimentException when the group does not settle, a consumer fails, or not every request is processed
     *                             within the config's timeout
     */
    public ExperimentResult run(ExperimentConfig config, ExperimentListener listener, RequestHandler handler) {
        String runId = config.strategy().name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String topic = "hotkey-" + runId;
        String group = topic + "-group";
        RunDeadline deadline = new RunDeadline(config.timeout(), backend.bootstrapServers(),
                config.strategy().name());
        Admin admin = Admin.create(adminConfig(deadline));
        boolean finished = false;
        try (RunDeadline watched = deadline.watch(admin)) {
            enter(deadline, listener, config, RunPhase.CREATING);
            Topics.create(admin, backend, topic, config.partitions(), deadline);
            try {
                ExperimentResult result = runOnTopic(config, listener, handler, admin, topic, group, deadline);
                finished = true;
                return result;
            } finally {
                // Interrupted on an embedded broker (Ctrl-C): the broker and its folder go next; deleting the topic now
                // would only race the group coordinator's cleanup against its shutdown (ERROR lines on the way out).
                boolean embeddedGoing = Thread.currentThread().isInterrupted()
                        && backend.kind() == dev.hotkeylab.broker.BackendKind.EMBEDDED;
                if (deleteTopics && !embeddedGoing) {
                    var deleted = admin.deleteTopics(List.of(topic)).all();
                    if (finished) {
                        try {
                            deleted.get(deadline.boundMillis(java.time.Duration.ofSeconds(10)), TimeUnit.MILLISECONDS);
                        } catch (ExecutionException | TimeoutException e) {
                            // Left for the cluster's own retention: the run itself is complete.
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }
        } finally {
            // A lost cluster is not waited for (it would hold each pending call, the topic's deletion too, to its
            // timeout); otherwise the deletion gets up to 5 s to reach the cluster.
            admin.close(deadline.lost() ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(5));
        }
    }

    private static void enter(RunDeadline deadline, ExperimentListener listener, ExperimentConfig config,
            RunPhase phase) {
        deadline.phase(phase);
        listener.phase(config, phase);
        deadline.check();
    }

    private ExperimentResult runOnTopic(ExperimentConfig config, ExperimentListener listener, RequestHandler handler,
            Admin admin, String topic, String group, RunDeadline deadline) {
        if (crash != null && crash.member() >= config.consumers()) {
            throw new IllegalArgumentException("crash member must be in [0, " + (config.consumers() - 1) + "] but got "
                    + crash.member());
        }
        RunAccounting accounting = new RunAccounting(config.messages(), config.partitions());
        List<Member> members = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        boolean finished = false;
        boolean share = groupType == GroupType.SHARE;
        try {
            enter(deadline, listener, config, RunPhase.SETTLING);
            if (share) {
                ShareGroupRun.prepare(admin, backend, group, shareDeliveryCountLimit, adminTimeoutMillis);
            }
            long settleStart = System.nanoTime();
            for (int i = 0; i < config.consumers(); i++) {
                String clientId = group + "-c" + i;
                long crashAfter = crash != null && crash.member() == i ? crash.afterRecords() : Long.MAX_VALUE;
                Member member = share
                        ? new ShareMember(clientId, ShareGroupRun.consumerConfig(backend, group, clientId,
                                commits.maxPollRecords()), topic, handler, accounting, crashAfter, shareDeliveryCountLimit)
                        : new GroupMember(clientId, consumerConfig(group, clientId), topic, handler, accounting,
                                crashAfter, commits);
                members.add(member);
                Thread thread = new Thread(member, clientId);
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            if (share) {
                ShareGroupRun.awaitSettled(admin, group, config, members, accounting, SETTLE_TIMEOUT_MILLIS);
            } else {
                awaitSettled(config, members, accounting, deadline);
            }
            long settleMillis = (System.nanoTime() - settleStart) / 1_000_000;
            Map<Integer, List<Integer>> settled = new TreeMap<>();
            for (int i = 0; i < members.size(); i++) {
                settled.put(i, List.copyOf(members.get(i).assignment()));
            }
            listener.started(config, topic, group);

            enter(deadline, listener, config, RunPhase.PRODUCING);
            Produced produced = produce(config, listener, topic, accounting, deadline);
            enter(deadline, listener, config, RunPhase.CONSUMING);
            awaitProcessed(config, listener, accounting, deadline);
            long drainNanos = accounting.lastProcessedNanos() - accounting.firstSendNanos;

            members.forEach(Member::stop);
            for (Thread t : threads) {
                t.join(10_000);
            }
            enter(deadline, listener, config, RunPhase.READING_OFFSETS);
            List<Long> brokerCounts = endOffsets(admin, topic, config.partitions(), deadline);
            BrokerLoad load = BrokerLoad.of(admin, topic, brokerCounts, deadline);
            ExperimentResult result = result(config, topic, group, members, settled, accounting, produced,
                    brokerCounts, drainNanos, settleMillis, load, share
                            ? ShareGroupRun.summary(members, accounting, shareDeliveryCountLimit)
                            : ShareSummary.CLASSIC);
            finished = true;
            listener.finished(result);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while running " + config.strategy() + " on " + topic, e);
        } finally {
            members.forEach(Member::stop);
            // After a failure the (daemon) consumer threads get one shared budget, a little over their 5 s close. An
            // interrupt (Ctrl-C) does not cut it short: the consumers leave their group before the broker goes.
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
    }

    private void awaitSettled(ExperimentConfig config, List<Member> members, RunAccounting accounting,
            RunDeadline runDeadline) {
        int expectedActive = Math.min(config.consumers(), config.partitions());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MILLIS);
        while (true) {
            runDeadline.check();
            if (accounting.failure.get() != null) {
                throw new ExperimentException("consumer " + accounting.failedMember.get() + " failed while joining: "
                        + reason(accounting.failure.get()), accounting.failure.get());
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

    /** What the producer sent; {@code perConcert}: records per concert and partition (from the acknowledgements). */
    private record Produced(long[] predictedPerPartition, Map<String, Integer> keyPartitions, int distinctKeys,
            Map<String, long[]> perConcert, AdaptiveSummary adaptive) {
    }

    private Produced produce(ExperimentConfig config, ExperimentListener listener, String topic,
            RunAccounting accounting, RunDeadline deadline) throws InterruptedException {
        KeyStrategy strategy = config.strategy().create(new StrategyContext(config.partitions(), config.saltBuckets(),
                new Random(config.seed())));
        MixedWorkload.Draw concerts = config.workload().draw();
        // Users are drawn from their own seeded stream so that a strategy's use of randomness cannot change them.
        Random users = new Random(config.seed() * 31 + 17);
        // Written only by the acknowledgements (the producer's I/O thread), read after the last one: no per-request
        // arrays, so the heap a run needs does not grow with --messages.
        long[] predicted = new long[config.partitions()];
        Map<String, long[]> perConcert = new HashMap<>();
        boolean keyDecides = config.strategy().keyDecidesPartition();
        Map<String, Integer> keyPartitions = new HashMap<>();
        Map<String, Integer> shownKeys = new LinkedHashMap<>();
        String clientId = topic + "-producer";
        AdaptiveSummary adaptive = AdaptiveSummary.NONE;
        java.util.concurrent.atomic.AtomicLong completed = new java.util.concurrent.atomic.AtomicLong();
        int sent = 0;
        boolean delivered = false;
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(config, clientId, deadline));
        try {
            accounting.firstSendNanos = System.nanoTime();
            long intervalNanos = config.ratePerSecond() == 0 ? 0 : 1_000_000_000L / config.ratePerSecond();
            long nextProgress = System.nanoTime() + PROGRESS_NANOS;
            for (int seq = 0; seq < config.messages(); seq++) {
                // Stops at the first failed send (one error, not one per record) and at the deadline or a lost cluster.
                if (accounting.failure.get() != null) {
                    break;
                }
                deadline.check();
                if ((seq & 1023) == 0 && System.nanoTime() >= nextProgress) {
                    listener.progress(config, accounting.produced.get(), accounting.distinctProcessed());
                    nextProgress = System.nanoTime() + PROGRESS_NANOS;
                }
                if (intervalNanos > 0) {
                    long due = accounting.firstSendNanos + seq * intervalNanos;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
                String userId = "user-" + users.nextInt(config.users());
                String concertId = concerts.concertFor(seq);
                String key = strategy.keyFor(concertId, userId, seq);
                int keyed = keyPartitions.computeIfAbsent(key,
                        k -> KafkaPartitioning.partitionFor(k, config.partitions()));
                if (shownKeys.size() < 64) {
                    shownKeys.putIfAbsent(key, keyed);
                }
                TicketRequest request = new TicketRequest(topic + "-" + seq, concertId, userId, seq,
                        System.currentTimeMillis());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, request.toJson());
                sent++;
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        accounting.failed("producer", error);
                        completed.incrementAndGet();
                        return;
                    }
                    int partition = metadata.partition();
                    accounting.produced.incrementAndGet();
                    accounting.producedPerPartition.incrementAndGet(partition);
                    // The default partitioner's choice is the key's. The adaptive partitioner wrote its choice into
                    // this record's headers during send() (AdaptiveHeaderInterceptor); a record without them stayed.
                    int expected = keyDecides ? keyed : expectedFromHeaders(record, keyed);
                    predicted[expected]++;
                    if (partition != expected) {
                        accounting.mismatches.incrementAndGet();
                    }
                    perConcert.computeIfAbsent(concertId, c -> new long[config.partitions()])[partition]++;
                    completed.incrementAndGet(); // last: the runner reads the counts above after it
                });
            }
            // Instead of flush(), which waits up to delivery.timeout.ms whatever happens: every acknowledgement, the
            // first failure, the deadline or a lost cluster, whichever comes first.
            while (completed.get() < sent && accounting.failure.get() == null) {
                deadline.check();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            delivered = accounting.failure.get() == null;
            if (!keyDecides) {
                adaptive = AdaptiveRegistry.forClient(clientId)
                        .map(router -> adaptiveSummary(config, router, accounting)).orElse(AdaptiveSummary.NONE);
            }
        } finally {
            producer.close(delivered ? java.time.Duration.ofSeconds(5) : java.time.Duration.ZERO);
        }
        Throwable failure = accounting.failure.get();
        if (failure != null) {
            if (deadline.silentMillis() > RunDeadline.PROBE_TIMEOUT.toMillis()) {
                // The send failed because the cluster is gone (e.g. "not present in metadata after N ms"): say so.
                ExperimentException lost = deadline.lostError();
                lost.initCause(failure);
                throw lost;
            }
            throw new ExperimentException(failureMessage(topic, backend.bootstrapServers(),
                    accounting.failedMember.get(), failure), failure);
        }
        return new Produced(predicted, shownKeys, keyPartitions.size(), perConcert, adaptive);
    }

    private static int expectedFromHeaders(ProducerRecord<String, byte[]> record, int home) {
        String salted = AdaptiveHeaders.text(record.headers(), AdaptiveHeaders.SALTED);
        return salted == null ? home : Integer.parseInt(salted);
    }

    private static AdaptiveSummary adaptiveSummary(ExperimentConfig config, HotKeyRouter router,
            RunAccounting accounting) {
        List<HotKeyEvent> events = router.events();
        long firstSendMillis = accounting.firstSendNanos / 1_000_000;
        return events.stream()
                .filter(e -> e.key().equals(config.key()) && e.kind() == HotKeyEvent.Kind.SPREAD).findFirst()
                .map(e -> new AdaptiveSummary(true, events, router.spreadRecords(), router.headersWritten(),
                        e.observation(), Math.max(0, e.atMillis() - firstSendMillis)))
                .orElseGet(() -> new AdaptiveSummary(true, events, router.spreadRecords(), router.headersWritten(),
                        -1, -1));
    }

    private static Map<String, ConcertStats> perConcert(ExperimentConfig config, Produced produced,
            RunAccounting accounting) {
        Map<String, long[]> counts = new TreeMap<>(produced.perConcert());
        Map<String, ConcertStats> out = new TreeMap<>();
        counts.forEach((concert, perPartition) -> out.put(concert, new ConcertStats(concert,
                java.util.Arrays.stream(perPartition).sum(), boxed(perPartition),
                accounting.concertOrder.violationsOf(concert))));
        return out;
    }

    private void awaitProcessed(ExperimentConfig config, ExperimentListener listener, RunAccounting accounting,
            RunDeadline runDeadline) throws InterruptedException {
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
                    + reason(accounting.failure.get()), accounting.failure.get());
        }
        listener.progress(config, accounting.produced.get(), accounting.distinctProcessed());
    }

    private static List<Long> endOffsets(Admin admin, String topic, int partitions, RunDeadline deadline)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    deadline.await(admin.listOffsets(request).all());
            return IntStream.range(0, partitions)
                    .mapToObj(p -> offsets.get(new TopicPartition(topic, p)).offset()).toList();
        } catch (ExecutionException e) {
            throw new ExperimentException("could not read the end offsets of " + topic + ": " + reason(e.getCause()), e);
        }
    }

    /** Names who failed: the producer, or the consumer (its client id) whose failure ended the run. */
    static String failureMessage(String topic, String bootstrap, String member, Throwable failure) {
        return ("producer".equals(member) ? "producing to " + topic : "consumer " + member + " of " + topic)
                + " on " + bootstrap + " failed: " + reason(failure);
    }

    /** A failure's message for one line: its own, else its type and its cause's (never "null"). */
    static String reason(Throwable e) {
        if (e == null) {
            return "unknown cause";
        }
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage().lines().findFirst().orElse("");
        }
        return e.getClass().getSimpleName() + (e.getCause() == null ? "" : ": " + reason(e.getCause()));
    }

    private static ExperimentResult result(ExperimentConfig config, String topic, String group,
            List<Member> members, Map<Integer, List<Integer>> settled, RunAccounting accounting,
            Produced produced, List<Long> brokerCounts, long drainNanos, long settleMillis, BrokerLoad load,
            ShareSummary share) {
        long[] perPartition = new long[config.partitions()];
        for (int p = 0; p < perPartition.length; p++) {
            perPartition[p] = accounting.producedPerPartition.get(p);
        }
        Skew skew = Skew.of(perPartition);
        double drainSeconds = Math.max(drainNanos, 1) / 1e9;
        int buckets = (int) members.stream().mapToLong(Member::lastBucket).max().orElse(-1) + 1;
        Histogram latency = LatencyStats.newHistogram();
        Map<String, ConsumerStats> perConsumer = new TreeMap<>();
        int active = 0;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            latency.add(m.latencyMicros());
            if (m.records() > 0) {
                active++;
            }
            perConsumer.put(m.clientId(), new ConsumerStats(m.clientId(), settled.get(i), m.records(),
                    m.records() / drainSeconds, m.timeline(buckets)));
        }
        return new ExperimentResult(
                config.strategy().name(), config.strategy().description(), config.key(), config.partitions(),
                config.messages(), config.consumers(), config.saltBuckets(), config.seed(), config.users(),
                config.serviceTimeMillis(), topic, group,
                boxed(perPartition), brokerCounts, boxed(produced.predictedPerPartition()),
                accounting.mismatches.get(), produced.distinctKeys(), produced.keyPartitions(), perConsumer, active,
                skew.idlePartitions(), skew.maxOverMean(), skew.coefficientOfVariation(),
                drainNanos / 1_000_000, config.messages() / drainSeconds, LatencyStats.of(latency),
                accounting.concertOrder.violations(), accounting.userOrder.violations(),
                accounting.processed.get(), accounting.processed.get() - accounting.distinctSucceeded(),
                settleMillis, accounting.longestStallMillis(),
                members.stream().filter(Member::crashed).map(Member::clientId).toList(),
                load.records(), load.bytes(), perConcert(config, produced, accounting), produced.adaptive(), share);
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private Map<String, Object> adminConfig(RunDeadline deadline) {
        Map<String, Object> config = backend.clientConfig();
        // default.api.timeout.ms (default 60000) and request.timeout.ms (default 30000): how long an Admin call may
        // wait for the cluster; see adminTimeout(), and never past the run's deadline.
        int bound = deadline.boundMillis(java.time.Duration.ofMillis(adminTimeoutMillis));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, bound);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, bound);
        return config;
    }

    private Map<String, Object> producerConfig(ExperimentConfig run, String clientId, RunDeadline deadline) {
        Map<String, Object> config = backend.clientConfig();
        // max.block.ms (default 60000): how long send() may block for metadata or buffer space; delivery.timeout.ms
        // (default 120000): how long a record may wait for its acknowledgement; both never past the run's deadline.
        // request.timeout.ms (default 30000) and linger.ms (default 5) must fit into delivery.timeout.ms.
        int remaining = (int) Math.min(Integer.MAX_VALUE, Math.max(1_000, deadline.remainingMillis()));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deadline.boundMillis(RunDeadline.LOSS_AFTER));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, remaining - 5));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, remaining);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // acks (default all) and enable.idempotence (default true) spelled out: nothing is reported sent that the
        // cluster did not take, and retries do not reorder or duplicate a partition's records.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // What the strategy needs from the producer (ADAPTIVE: partitioner.class, interceptor.classes and the
        // adaptive partitioner's settings), the same for every producer of the project.
        return run.strategy().producerConfig(config, adaptive);
    }

    private Map<String, Object> consumerConfig(String group, String clientId) {
        Map<String, Object> config = backend.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // auto.offset.reset (default latest): the group joins before the first send, but earliest makes sure no
        // record produced during a rebalance is skipped.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // enable.auto.commit (default true): offsets are committed after processing, as a booking service would.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // max.poll.records (default 500): see maxPollRecords().
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, commits.maxPollRecords());
        return config;
    }
}
