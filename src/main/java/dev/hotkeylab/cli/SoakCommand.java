package dev.hotkeylab.cli;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.KafkaBackends;
import dev.hotkeylab.experiment.ConsumerCrash;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.experiment.GroupType;
import dev.hotkeylab.inventory.InventoryConfig;
import dev.hotkeylab.inventory.InventoryRequestHandler;
import dev.hotkeylab.inventory.InventoryStore;
import dev.hotkeylab.inventory.InventoryStores;
import dev.hotkeylab.inventory.InventorySummary;
import dev.hotkeylab.inventory.Outcome;
import dev.hotkeylab.inventory.StoreKind;
import dev.hotkeylab.keys.Strategy;
import java.io.PrintWriter;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./hotkey-lab soak --minutes 10}: salted runs one after another, each through an inventory store with one
 * consumer killed at a random record (seeded), checking after every run that no request was lost and no seat was sold
 * beyond the capacity or twice. Stops at the first broken invariant (exit 1) or when the time or run count is up.
 *
 * <p>Prints one line per run and a total, e.g.
 * {@code run 12: crashed c1 after 37, redelivered 37, sold 100/100, duplicates refused 12, lost 0}.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Repeat salted runs with an inventory store and a consumer killed at random; check invariants.",
                "With --group-type share a crashed member's records come back when their acquisition lock expires "
                        + "(30 s by default)."})
final class SoakCommand implements Callable<Integer> {

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10", description = "How long to soak (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "0", description = "Stop after N runs (default: no limit).")
    int runs;

    @Option(names = "--inventory", paramLabel = "STORE", defaultValue = "in-memory",
            description = "An idempotent store: redis-lua, sql-conditional, sql-optimistic, in-memory (default: ${DEFAULT-VALUE}).")
    String inventory;

    @Option(names = "--messages", defaultValue = "1000", description = "Requests per run (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--consumers", defaultValue = "3", description = "Consumers and partitions (default: ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--service-time", paramLabel = "MS", defaultValue = "1", description = "Per request (default: ${DEFAULT-VALUE}).")
    double serviceTime;

    /** share: a crashed member's records come back when their acquisition lock expires (30 s by default). */
    @Mixin
    GroupTypeOption groupType;

    /** Seeds the crash points. */
    @Mixin
    SeedOption seed;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BackendOptions backendOptions;

    @Override
    public Integer call() {
        if (!(minutes > 0 && minutes <= 24 * 60)) {
            throw new IllegalArgumentException("minutes must be in (0, 1440] but got " + minutes);
        }
        if (runs < 0) {
            throw new IllegalArgumentException("runs must be >= 0 but got " + runs);
        }
        GroupType type = groupType.type();
        StoreKind kind = StoreKind.parse(inventory);
        if (!kind.safe()) {
            throw new IllegalArgumentException("soak needs an idempotent store (redis-lua, sql-conditional, "
                    + "sql-optimistic, in-memory) but got " + inventory);
        }
        ExperimentConfig config = ExperimentConfig.builder().strategy(Strategy.PARTITION_AWARE_SALT)
                .partitions(consumers).consumers(consumers).messages(messages).serviceTimeMillis(serviceTime)
                .seed(seed.seed).build();
        InventoryConfig.Builder ic = storeOptions.config();
        int capacity = storeOptions.capacity;
        PrintWriter out = backendOptions.out();
        Random random = new Random(seed.seed);
        long deadline = System.nanoTime() + (long) (minutes * 60e9);
        long totalRequests = 0;
        long totalRedelivered = 0;
        long totalDuplicates = 0;
        int done = 0;
        try (InventoryStore store = InventoryStores.open(kind, ic.build());
                KafkaBackend backend = KafkaBackends.open(backendOptions.choice(), out)) {
            ExperimentRunner runner = new ExperimentRunner(backend).with(o -> o.withGroupType(type));
            while (System.nanoTime() < deadline && (runs == 0 || done < runs)) {
                ConsumerCrash crash = new ConsumerCrash(random.nextInt(consumers),
                        1 + random.nextInt(Math.max(1, messages / consumers - 1)));
                InventoryRequestHandler handler = InventoryRequestHandler.prepare(store, config.key(), capacity,
                        config.serviceTimeMillis());
                ExperimentResult r;
                try (ProgressBars bars = new ProgressBars(System.err)) {
                    r = runner.with(o -> o.withCrash(crash)).run(config, bars, handler);
                }
                InventorySummary s = handler.summary();
                long lost = messages - (r.consumption().processed() - r.consumption().redelivered());
                long confirmed = handler.log().count(Outcome.CONFIRMED);
                done++;
                totalRequests += messages;
                totalRedelivered += r.consumption().redelivered();
                totalDuplicates += s.duplicatesRefused();
                out.printf("run %d: crashed member %d after %d records, redelivered %d, sold %d/%d, confirmed %d, "
                        + "duplicates refused %d, lost %d%n", done, crash.member(), crash.afterRecords(),
                        r.consumption().redelivered(), s.sold(), capacity, confirmed, s.duplicatesRefused(), lost);
                if (lost != 0 || s.sold() > capacity || confirmed != s.sold()) {
                    out.printf("soak FAILED after %d runs: lost %d, sold %d of %d, confirmed %d%n", done, lost,
                            s.sold(), capacity, confirmed);
                    return 1;
                }
            }
        }
        out.printf("soak passed: %d runs, %d requests, %d redelivered, %d duplicates refused, 0 lost, never over %d "
                + "seats (%s)%n", done, totalRequests, totalRedelivered, totalDuplicates, capacity, kind.displayName());
        return 0;
    }
}
