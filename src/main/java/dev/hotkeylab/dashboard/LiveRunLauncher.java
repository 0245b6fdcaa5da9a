package dev.hotkeylab.dashboard;

import dev.hotkeylab.keys.KeyStrategy;
import dev.hotkeylab.keys.StrategyContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Runs what the dashboard's form asks for with real Kafka clients in this JVM: a fresh topic, a consumer group of
 * {@code consumers} members on their own threads, and one producer sending {@code messages} records keyed by the
 * chosen strategy. The producer starts once every member has its partitions, so the spread the page shows is the
 * key's doing and not the join order's. When all records are processed the group is closed and a result map goes to
 * the comparison table.
 *
 * <p>This is the dashboard's own launcher (its tests, and {@code hotkey-lab dashboard} when no experiment runner is
 * wired); the experiment runner measures far more.
 */
public final class LiveRunLauncher implements RunLauncher, AutoCloseable {

    private static final Duration GROUP_SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> clientConfig;
    private final Duration adminTimeout;
    private final ExecutorService runs;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Set<GroupConsumer> liveConsumers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @param clientConfig Kafka client settings of the cluster runs go to (at least {@code bootstrap.servers}) */
    public LiveRunLauncher(Map<String, Object> clientConfig) {
        this(clientConfig, DEFAULT_ADMIN_TIMEOUT);
    }

    /** @param adminTimeout how long creating a run's topic may take before the launch fails (default 10 s) */
    public LiveRunLauncher(Map<String, Object> clientConfig, Duration adminTimeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.adminTimeout = adminTimeout;
        this.runs = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hotkey-live-run");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String launch(RunRequest request, RunPublisher publisher) {
        int n = sequence.incrementAndGet();
        String topic = "hotkey-" + request.strategy().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + n + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        String group = topic + "-group";
        createTopic(topic, request.partitions());
        String label = request.strategy().name() + " / " + request.consumers()
                + (request.consumers() == 1 ? " consumer" : " consumers");
        String runId = publisher.runStarted(new RunInfo(label, topic, group, clientConfig, request.params()));
        runs.submit(() -> {
            try {
                publisher.runFinished(runId, run(request, topic, group));
            } catch (Exception e) {
                publisher.runFailed(runId, TopicWatcher.oneLine(e));
            }
        });
        return runId;
    }

    private Map<String, Object> run(RunRequest request, String topic, String group) throws InterruptedException {
        Object monitor = new Object();
        Runnable signal = () -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        };
        List<GroupConsumer> consumers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.currentTimeMillis();
        try {
            for (int i = 0; i < request.consumers(); i++) {
                GroupConsumer c = new GroupConsumer(clientConfig, topic, group, "consumer-" + i,
                        Duration.ofMillis(request.serviceTimeMs()), signal);
                consumers.add(c);
                liveConsumers.add(c);
                Thread t = new Thread(c, "hotkey-consumer-" + topic + "-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            awaitOrFail(monitor, GROUP_SETTLE_TIMEOUT, () -> settled(consumers, request.partitions()),
                    "the consumer group did not settle (every member assigned, every partition owned)");

            StrategyContext context = StrategyContext.of(request.partitions(), request.seed());
            KeyStrategy keys = request.strategy().create(context);
            KeyedProducer.Sent sent;
            try (KeyedProducer producer = new KeyedProducer(clientConfig, topic + "-producer")) {
                sent = producer.send(topic, keys, request.key(), request.messages(), 0, 1000,
                        new Random(request.seed()), total -> { });
            }
            long budgetMs = 60_000L + (long) request.messages() * request.serviceTimeMs();
            awaitOrFail(monitor, Duration.ofMillis(budgetMs),
                    () -> consumers.stream().mapToLong(GroupConsumer::processed).sum() >= request.messages()
                            || consumers.stream().anyMatch(c -> c.failure() != null),
                    "the group did not process " + request.messages() + " records");
            for (GroupConsumer c : consumers) {
                if (c.failure() != null) {
                    throw new IllegalStateException("consumer " + c.clientId() + " failed: " + TopicWatcher.oneLine(c.failure()));
                }
            }
            long elapsed = System.currentTimeMillis() - started;
            return result(request, sent, consumers, elapsed);
        } finally {
            consumers.forEach(GroupConsumer::close);
            for (Thread t : threads) {
                t.join(10_000);
            }
            liveConsumers.removeAll(consumers);
        }
    }

    /** Every member has had an assignment and together they own each partition exactly once. */
    private static boolean settled(List<GroupConsumer> consumers, int partitions) {
        Set<Integer> owned = new HashSet<>();
        int assignments = 0;
        for (GroupConsumer c : consumers) {
            if (!c.assignedOnce()) {
                return false;
            }
            owned.addAll(c.assignment());
            assignments += c.assignment().size();
        }
        return owned.size() == partitions && assignments == partitions;
    }

    private static void awaitOrFail(Object monitor, Duration timeout, BooleanSupplier done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(what + " within " + timeout.toSeconds() + " s");
                }
                // Woken by the consumers' progress signal; the timed wait re-checks even if a signal is missed.
                monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    private static Map<String, Object> result(RunRequest request, KeyedProducer.Sent sent,
                                              List<GroupConsumer> consumers, long elapsedMs) {
        List<Long> perPartition = new ArrayList<>();
        long max = 0;
        int idle = 0;
        for (int p = 0; p < request.partitions(); p++) {
            long n = sent.perPartition().getOrDefault(p, 0L);
            perPartition.add(n);
            max = Math.max(max, n);
            if (n == 0) {
                idle++;
            }
        }
        Map<String, Long> perConsumer = new LinkedHashMap<>();
        int active = 0;
        for (GroupConsumer c : consumers) {
            perConsumer.put(c.clientId(), c.processed());
            if (c.processed() > 0) {
                active++;
            }
        }
        double mean = (double) sent.records() / request.partitions();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("strategy", request.strategy().name());
        r.put("key", request.key());
        r.put("partitions", request.partitions());
        r.put("messages", request.messages());
        r.put("consumers", request.consumers());
        r.put("serviceTimeMs", request.serviceTimeMs());
        r.put("seed", request.seed());
        r.put("activeConsumers", active);
        r.put("idlePartitions", idle);
        r.put("maxOverMean", Math.round(max / mean * 100) / 100.0);
        r.put("perPartition", perPartition);
        r.put("perConsumer", perConsumer);
        r.put("durationMs", elapsedMs);
        r.put("throughputPerSecond", elapsedMs == 0 ? null : Math.round(sent.records() * 1000.0 / elapsedMs));
        return r;
    }

    private void createTopic(String topic, int partitions) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) adminTimeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) adminTimeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(adminTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic '" + topic + "'");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot create topic '" + topic + "' on "
                    + clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + TopicWatcher.oneLine(cause));
        }
    }

    /** Stops runs still in progress (their consumers leave the group). */
    @Override
    public void close() {
        liveConsumers.forEach(GroupConsumer::close);
        runs.shutdownNow();
        try {
            runs.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
