package dev.hotkeylab.cli;

import dev.hotkeylab.inventory.InventoryConfig;
import picocli.CommandLine.Option;

/** How many seats the hot concert has and where the inventory stores live ({@code run}, {@code bench --inventory}, {@code soak}). */
final class StoreOptions {

    /** The default is the initial value: {@link #StoreOptions(int)} gives a command its own. */
    @Option(names = "--capacity", paramLabel = "SEATS", description = "Seats of each concert, the hot one and each --quiet-concerts one, for --inventory (default: ${DEFAULT-VALUE}).")
    int capacity;

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis for the Redis stores (default: $HOTKEY_REDIS_URL or redis://127.0.0.1:6379).")
    String redis;

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "PostgreSQL for the SQL stores (default: $HOTKEY_JDBC_URL or "
                    + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres).")
    String jdbc;

    StoreOptions() {
        this(100);
    }

    /** @param capacity the default {@code --capacity} */
    StoreOptions(int capacity) {
        this.capacity = capacity;
    }

    /** The environment's configuration with the capacity, and these URLs where given. */
    InventoryConfig.Builder config() {
        InventoryConfig.Builder b = InventoryConfig.fromEnvironment().toBuilder().capacity(capacity);
        if (redis != null) {
            b.redisUrl(redis);
        }
        if (jdbc != null) {
            b.jdbcUrl(jdbc);
        }
        return b;
    }
}
