package dev.hotkeylab.cli;

import dev.hotkeylab.inventory.InventoryConfig;
import picocli.CommandLine.Option;

/** Where the inventory stores live ({@code run}, {@code bench --inventory}, {@code soak}). */
final class StoreOptions {

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis for the Redis stores (default: $HOTKEY_REDIS_URL or redis://127.0.0.1:6379).")
    String redis;

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "PostgreSQL for the SQL stores (default: $HOTKEY_JDBC_URL or "
                    + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres).")
    String jdbc;

    /** The environment's configuration with these URLs where given. */
    InventoryConfig.Builder config() {
        InventoryConfig.Builder b = InventoryConfig.fromEnvironment().toBuilder();
        if (redis != null) {
            b.redisUrl(redis);
        }
        if (jdbc != null) {
            b.jdbcUrl(jdbc);
        }
        return b;
    }
}
