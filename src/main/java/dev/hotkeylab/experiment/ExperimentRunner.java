package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.BrokerCounters;
import dev.hotkeylab.broker.KafkaBackend;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Runs one experiment on a real broker: a fresh topic ({@link Topics}), a consumer group of C threads whose assignment
 * has settled before the first send, so the split is deterministic ({@link GroupDriver}), N ticket requests keyed by
 * the strategy ({@link TicketProducer}), and the wait until every request was processed; the result is assembled by
 * {@link ResultAssembly}. Every run gets its own topic and group, so runs never see each other's records.
 *
 * <p>Immutable: how it runs is a {@link RunnerOptions} record; {@link #with(UnaryOperator)} returns a runner with
 * changed options and leaves this one as it is.
 */
public final class ExperimentRunner {

    /** How long the group may take to settle its first assignment. */
    static final long SETTLE_TIMEOUT_MILLIS = GroupDriver.SETTLE_TIMEOUT_MILLIS;

    /** The consumers' {@code max.poll.records} unless {@link RunnerOptions#withMaxPollRecords(int)} says otherwise. */
    public static final int DEFAULT_MAX_POLL_RECORDS = RunnerOptions.DEFAULT_MAX_POLL_RECORDS;

    private final KafkaBackend backend;
    private final RunnerOptions options;

    public ExperimentRunner(KafkaBackend backend) {
        this(backend, RunnerOptions.defaults());
    }

    public ExperimentRunner(KafkaBackend backend, RunnerOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("runner options must not be null");
        }
        this.backend = backend;
        this.options = options;
    }

    public RunnerOptions options() {
        return options;
    }

    /** A runner with these options on the same backend. */
    public ExperimentRunner with(RunnerOptions options) {
        return new ExperimentRunner(backend, options);
    }

    /**
     * A runner with {@code change} applied to this one's options, e.g.
     * {@code runner.with(o -> o.withGroupType(GroupType.SHARE).withCrash(plan))}; see {@link RunnerOptions} for each
     * setting and its default.
     */
    public ExperimentRunner with(UnaryOperator<RunnerOptions> change) {
        return with(change.apply(options));
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
        RecordRetention retention = options.recordsFor(config.messages());
        try (RunDeadline watched = deadline.watch(admin)) {
            enter(deadline, listener, config, RunPhase.CREATING);
            Topics.create(admin, backend, topic, config.partitions(), deadline,
                    retention == RecordRetention.DELETE_CONSUMED ? RecordRetention.TOPIC_CONFIGS : Map.of());
            try {
                ExperimentResult result = runOnTopic(config, listener, handler, admin, topic, group, deadline,
                        retention);
                finished = true;
                return result;
            } finally {
                if (!options.keepTopics()) {
                    Topics.delete(admin, backend, topic, finished, deadline);
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
            Admin admin, String topic, String group, RunDeadline deadline, RecordRetention retention) {
        RunAccounting accounting = new RunAccounting(config.messages(), config.partitions());
        RecordTrimmer trimmer = retention == RecordRetention.DELETE_CONSUMED
                ? new RecordTrimmer(admin, topic, group) : null;
        try (GroupDriver consumers = new GroupDriver(backend, options, config, topic, group, accounting);
                RecordTrimmer trimming = trimmer == null ? null : trimmer.start()) {
            enter(deadline, listener, config, RunPhase.SETTLING);
            long settleStart = System.nanoTime();
            Map<Integer, List<Integer>> settled = consumers.startAndSettle(admin, handler, deadline);
            long settleMillis = (System.nanoTime() - settleStart) / 1_000_000;
            listener.started(config, topic, group);

            enter(deadline, listener, config, RunPhase.PRODUCING);
            Map<Integer, BrokerCounters> countersBefore = backend.brokerCounters();
            long countersFrom = System.nanoTime();
            TicketProducer.Produced produced = new TicketProducer(backend, options.adaptive())
                    .produce(config, listener, topic, accounting, deadline);
            enter(deadline, listener, config, RunPhase.CONSUMING);
            consumers.awaitProcessed(listener, deadline);
            long drainNanos = accounting.lastProcessedNanos() - accounting.firstSendNanos;
            Map<Integer, BrokerCounters> countersAfter = backend.brokerCounters();
            long countersNanos = System.nanoTime() - countersFrom;
            consumers.stop();
            long deleted = 0;
            if (trimming != null) {
                trimming.close();
                deleted = trimming.deleted();
            }

            enter(deadline, listener, config, RunPhase.READING_OFFSETS);
            List<Long> brokerCounts = Topics.endOffsets(admin, topic, config.partitions(), deadline);
            BrokerLoad load = trimming == null ? BrokerLoad.of(admin, topic, brokerCounts, deadline)
                    : BrokerLoad.fromProducer(admin, topic, brokerCounts, deadline, produced.topicBytes());
            BrokerTraffic traffic = traffic(retention, deleted, load, countersBefore, countersAfter, countersNanos,
                    drainNanos);
            ExperimentResult result = ResultAssembly.of(config, topic, group, consumers.members(), settled,
                    accounting, produced, brokerCounts, drainNanos, settleMillis, load, consumers.shareSummary(),
                    traffic);
            listener.finished(result);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while running " + config.strategy() + " on " + topic, e);
        }
    }

    /**
     * The brokers' own counters over the run when the backend can read them; else each leader's bytes over the drain
     * time, named as such.
     */
    private static BrokerTraffic traffic(RecordRetention retention, long deleted, BrokerLoad load,
            Map<Integer, BrokerCounters> before,
            Map<Integer, BrokerCounters> after, long nanos, long drainNanos) {
        String leaderSource = retention == RecordRetention.DELETE_CONSUMED ? BrokerTraffic.PRODUCER_BYTES
                : BrokerTraffic.LOG_SIZE;
        Map<Integer, BrokerTraffic.Rates> rates = BrokerTraffic.between(before, after, nanos);
        if (!rates.isEmpty()) {
            return new BrokerTraffic(retention.describe(), deleted, leaderSource,
                    BrokerCounters.SOURCE, nanos / 1e9, rates);
        }
        double seconds = Math.max(drainNanos, 1) / 1e9;
        Map<Integer, BrokerTraffic.Rates> fromLogs = new java.util.TreeMap<>();
        load.bytes().forEach((broker, bytes) -> fromLogs.put(broker, new BrokerTraffic.Rates(bytes / seconds, -1, -1)));
        return new BrokerTraffic(retention.describe(), deleted, leaderSource, BrokerTraffic.LOG_SIZE_RATES, seconds,
                fromLogs);
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

    private Map<String, Object> adminConfig(RunDeadline deadline) {
        Map<String, Object> config = backend.clientConfig();
        // default.api.timeout.ms (default 60000) and request.timeout.ms (default 30000): how long an Admin call may
        // wait for the cluster; see RunnerOptions.adminTimeout(), and never past the run's deadline.
        int bound = deadline.boundMillis(java.time.Duration.ofMillis(options.adminTimeout().toMillis()));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, bound);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, bound);
        return config;
    }
}
