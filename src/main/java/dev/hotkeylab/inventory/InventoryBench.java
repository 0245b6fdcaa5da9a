package dev.hotkeylab.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Micro benchmark: reservations per second of each store on ONE hot concert, T threads, a bounded number of requests
 * (after a short warm-up on another concert). Not a test: numbers depend on the machine, so they belong in a report.
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * java -cp 'target/hotkey-lab.jar:target/lib/*' dev.hotkeylab.inventory.InventoryBench \
 *     [--threads 6] [--requests 20000] [--capacity 1000] [--stores all|redis-lua,sql-conditional,...] \
 *     [--redis redis://127.0.0.1:6379] [--jdbc jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
 * </pre>
 *
 * Prints one row per store: threads, requests, capacity, sold, oversold, seconds, reservations/s, and for the
 * optimistic store its version conflicts. A store whose server is unreachable gets a row saying so. Bad arguments:
 * one line on stderr, exit code 2.
 */
public final class InventoryBench {

    private InventoryBench() {
    }

    /** The benchmark's parameters, validated. */
    public record Options(int threads, int requests, int capacity, List<StoreKind> stores, InventoryConfig config) {
        public Options {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be in [1, 256] but got " + threads);
            }
            if (requests < 1 || requests > 10_000_000) {
                throw new IllegalArgumentException("requests must be in [1, 10000000] but got " + requests);
            }
            if (stores.isEmpty()) {
                throw new IllegalArgumentException("stores must name at least one of " + StoreKind.allowedNames());
            }
        }

        public static Options of(int threads, int requests, int capacity, List<StoreKind> stores,
                InventoryConfig config) {
            return new Options(threads, requests, capacity, stores, config.toBuilder().capacity(capacity).build());
        }

        static Options parse(String[] args) {
            int threads = 6;
            int requests = 20_000;
            int capacity = 1_000;
            List<StoreKind> stores = Arrays.asList(StoreKind.values());
            InventoryConfig.Builder config = InventoryConfig.fromEnvironment().toBuilder();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--threads" -> threads = integer(flag, value);
                    case "--requests" -> requests = integer(flag, value);
                    case "--capacity" -> capacity = integer(flag, value);
                    case "--stores" -> stores = value.equalsIgnoreCase("all") ? Arrays.asList(StoreKind.values())
                            : Arrays.stream(value.split(",")).map(StoreKind::parse).toList();
                    case "--redis" -> config.redisUrl(value);
                    case "--jdbc" -> config.jdbcUrl(value);
                    default -> throw new IllegalArgumentException("unknown option '" + flag
                            + "'; allowed: --threads, --requests, --capacity, --stores, --redis, --jdbc");
                }
            }
            return new Options(threads, requests, capacity, stores, config.capacity(capacity).build());
        }

        private static int integer(String flag, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be an integer but got '" + value + "'");
            }
        }
    }

    /** One store's measured row. */
    record Row(String store, InventorySummary summary, double seconds, long conflicts, String error) {
    }

    public static void main(String[] args) {
        // The application's quiet log4j2 configuration, as in dev.hotkeylab.cli.Main (not named log4j2.xml, see there).
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "hotkey-lab-log4j2.xml");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("inventory-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
        run(options, out);
        out.flush();
    }

    /** Measures every store of {@code options} in turn and prints the table ({@code ./hotkey-lab bench --inventory}). */
    public static void run(Options options, java.io.PrintWriter out) {
        out.printf(Locale.ROOT, "one hot concert, %d threads, %d requests, capacity %d%n",
                options.threads(), options.requests(), options.capacity());
        List<Row> rows = new ArrayList<>();
        for (StoreKind kind : options.stores()) {
            rows.add(measure(kind, options));
        }
        out.print(table(rows, options));
        out.flush();
    }

    static Row measure(StoreKind kind, Options options) {
        try (InventoryStore store = InventoryStores.open(kind, options.config())) {
            String warmup = "WARMUP";
            store.reset(warmup, options.capacity());
            InventoryLoad.run(store, warmup, InventoryLoad.requestIds("w", Math.min(2_000, options.requests())),
                    options.threads());
            long conflictsBefore = store instanceof SqlOptimisticStore o ? o.conflicts() : 0;

            String concert = "SUPER_STAR_CONCERT_2026";
            store.reset(concert, options.capacity());
            ReservationLog log = InventoryLoad.run(store, concert,
                    InventoryLoad.requestIds("r", options.requests()), options.threads());
            InventorySummary summary = log.summarize(store.name(), options.capacity(), store.sold(concert));
            long conflicts = store instanceof SqlOptimisticStore o ? o.conflicts() - conflictsBefore : 0;
            return new Row(store.name(), summary, log.spanMillis() / 1000.0, conflicts, null);
        } catch (InventoryUnavailableException | IllegalStateException e) {
            return new Row(kind.displayName(), null, 0, 0, e.getMessage());
        }
    }

    static String table(List<Row> rows, Options options) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-16s %7s %9s %8s %8s %8s %8s %14s %9s%n", "store", "threads",
                "requests", "capacity", "sold", "oversold", "seconds", "reservations/s", "conflicts"));
        for (Row r : rows) {
            if (r.error() != null) {
                out.append(String.format(Locale.ROOT, "%-16s unavailable: %s%n", r.store(), r.error()));
                continue;
            }
            InventorySummary s = r.summary();
            out.append(String.format(Locale.ROOT, "%-16s %7d %9d %8d %8d %8d %8.2f %14.0f %9d%n", r.store(),
                    options.threads(), s.outcomesRecorded(), s.capacity(), s.sold(), s.oversold(), r.seconds(),
                    s.reservationsPerSecond(), r.conflicts()));
        }
        return out.toString();
    }
}
