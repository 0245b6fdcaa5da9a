package dev.hotkeylab.inventory;

/** Opens the store of a kind; the one place that knows which class implements which {@link StoreKind}. */
public final class InventoryStores {

    private InventoryStores() {
    }

    /**
     * Connects (for server-backed kinds) and creates the store's private namespace. The config's capacity is not
     * applied here: call {@link InventoryStore#reset} for each concert.
     *
     * @throws InventoryUnavailableException within about the config's connect timeout when the server cannot be
     *                                       reached; the message names the URL (password redacted)
     */
    public static InventoryStore open(StoreKind kind, InventoryConfig config) {
        return switch (kind) {
            case NAIVE_REDIS -> new NaiveRedisStore(config);
            case NAIVE_SQL -> new NaiveSqlStore(config);
            case REDIS_LUA -> new RedisLuaStore(config);
            case SQL_CONDITIONAL -> new SqlConditionalStore(config);
            case SQL_OPTIMISTIC -> new SqlOptimisticStore(config);
            case IN_MEMORY -> new InMemoryStore();
        };
    }
}
