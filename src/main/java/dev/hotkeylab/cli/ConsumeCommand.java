package dev.hotkeylab.cli;

import dev.hotkeylab.dashboard.GroupConsumer;
import dev.hotkeylab.dashboard.LiveConsumer;
import dev.hotkeylab.dashboard.ShareGroupConsumer;
import dev.hotkeylab.experiment.GroupType;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hotkey-lab consume}: one consumer of a group, in its own terminal, like the seed's {@code bad/consumer.js}.
 * Start several to watch the group share (or not share) the partitions; runs until Ctrl-C.
 *
 * <pre>
 *   hotkey-lab consume --bootstrap localhost:9092 --topic tickets --group ticket-service --service-time 5
 *   ticket-service-4f2a: partitions [2]
 *   ticket-service-4f2a: 412 processed, 198/s, partitions [2]
 * </pre>
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Run one consumer of a group with a service time per record (one terminal per consumer).")
public final class ConsumeCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--group", required = true, paramLabel = "GROUP",
            description = "The consumer group this consumer joins (start several with the same group).")
    String group;

    @Option(names = "--service-time", defaultValue = "0", paramLabel = "MS",
            description = "Milliseconds of simulated work per record (default: ${DEFAULT-VALUE}).")
    int serviceTimeMs;

    @Mixin
    GroupTypeOption groupType;

    @Option(names = "--client-id", description = "Client id shown on the dashboard (default: group + random suffix).")
    String clientId;

    @Override
    public Integer call() {
        PrintWriter out = cluster.out();
        if (serviceTimeMs < 0) {
            throw new IllegalArgumentException("service time must be >= 0 ms but got " + serviceTimeMs);
        }
        GroupType type = groupType.type();
        try (KafkaChecks kafka = cluster.checks()) {
            kafka.requireReachable();
            cluster.warnIfTopicMissing(kafka);
            if (type == GroupType.SHARE) {
                kafka.prepareShareGroup(group);
            }
        }
        String id = clientId != null ? clientId
                : group + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF));
        AtomicReference<LiveConsumer> self = new AtomicReference<>();
        AtomicLong lastPrint = new AtomicLong();
        AtomicLong lastCount = new AtomicLong();
        AtomicReference<Object> lastAssignment = new AtomicReference<>();
        Runnable progress = () -> {
            LiveConsumer c = self.get();
            if (c == null) {
                return;
            }
            long now = System.nanoTime();
            if (!c.assignment().equals(lastAssignment.get())) {
                lastAssignment.set(c.assignment());
                out.println(id + ": partitions " + new java.util.TreeSet<>(c.assignment()));
                out.flush();
            }
            // At most a line a second, and none while the count stands still (a share member reports every poll).
            if (now - lastPrint.get() >= 1_000_000_000L
                    && (lastPrint.get() == 0 || c.processed() != lastCount.get())) {
                long n = c.processed();
                double seconds = lastPrint.get() == 0 ? 0 : (now - lastPrint.get()) / 1e9;
                out.println(id + ": " + n + " processed, " + (seconds == 0 ? 0 : Math.round((n - lastCount.get()) / seconds))
                        + "/s, partitions " + new java.util.TreeSet<>(c.assignment()));
                out.flush();
                lastPrint.set(now);
                lastCount.set(n);
            }
        };
        LiveConsumer consumer = type == GroupType.SHARE
                ? new ShareGroupConsumer(cluster.clientConfig(), cluster.topic, group, id, Duration.ofMillis(serviceTimeMs),
                        progress)
                : new GroupConsumer(cluster.clientConfig(), cluster.topic, group, id, Duration.ofMillis(serviceTimeMs),
                        progress);
        self.set(consumer);
        CountDownLatch ended = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                consumer.run();
            } finally {
                ended.countDown();
            }
        }, "hotkey-consumer-" + id);
        worker.start();
        boolean interrupted = Shutdown.await(ended);
        consumer.close();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        out.println(id + ": stopped after " + consumer.processed() + " records");
        out.flush();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (consumer.failure() != null) {
            throw new IllegalStateException(id + ": " + Main.message(consumer.failure()), consumer.failure());
        }
        return 0;
    }
}
