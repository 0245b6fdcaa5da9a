package dev.hotkeylab.inventory;

import dev.hotkeylab.util.Choices;
import java.util.Locale;

/** The inventory stores the experiment compares; {@link InventoryStores#open} builds one. */
public enum StoreKind {

    /** Redis GET, then SET remaining - 1: two round trips, no atomicity, no idempotency. Over-sells. */
    NAIVE_REDIS(Server.REDIS, false),

    /** PostgreSQL SELECT, then UPDATE SET remaining = ? in autocommit: the same race in SQL. Over-sells. */
    NAIVE_SQL(Server.POSTGRES, false),

    /** One Lua script (EVALSHA): duplicate check, stock check and decrement run atomically inside Redis. */
    REDIS_LUA(Server.REDIS, true),

    /** One transaction: booking insert ON CONFLICT DO NOTHING, then UPDATE ... WHERE remaining > 0. */
    SQL_CONDITIONAL(Server.POSTGRES, true),

    /** Read remaining and version, UPDATE ... WHERE version = ?, retry on conflict a bounded number of times. */
    SQL_OPTIMISTIC(Server.POSTGRES, true),

    /** A lock per concert in this JVM: correct, fast, and needs no server (the main job's default). */
    IN_MEMORY(Server.NONE, true);

    /** Which server a store needs. */
    public enum Server { NONE, REDIS, POSTGRES }

    private final Server server;
    private final boolean safe;

    StoreKind(Server server, boolean safe) {
        this.server = server;
        this.safe = safe;
    }

    public Server server() {
        return server;
    }

    /** True when the store can neither over-sell nor sell twice to a redelivered request. */
    public boolean safe() {
        return safe;
    }

    /** The store's short name: {@code REDIS_LUA} becomes {@code redis-lua}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a name case-insensitively ({@code redis-lua}, {@code REDIS_LUA}); the error lists what is allowed. */
    public static StoreKind parse(String name) {
        return Choices.find(values(), StoreKind::displayName, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown inventory store '" + name + "'; allowed: " + allowedNames()));
    }

    public static String allowedNames() {
        return Choices.names(values(), StoreKind::displayName);
    }
}
