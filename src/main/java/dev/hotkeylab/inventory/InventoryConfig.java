package dev.hotkeylab.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where the inventory's servers are and how it is sized, validated on construction so a bad value fails before any
 * connection is tried.
 *
 * @param redisUrl           {@code redis://[user:password@]host:port[/db]} (env {@value #REDIS_ENV})
 * @param jdbcUrl            {@code jdbc:postgresql://host:port/db?user=...} (env {@value #JDBC_ENV})
 * @param capacity           seats of the hot concert
 * @param poolSize           connections per store; more than the consumer threads, so none waits for a connection
 * @param optimisticAttempts how often {@link StoreKind#SQL_OPTIMISTIC} tries before it gives up with a
 *                           {@link ReservationConflictException}
 * @param connectTimeout     connect and login timeout: an unreachable server is an error after about this long
 * @param commandTimeout     socket read timeout per command: a server that stops answering mid-run is an error too
 */
public record InventoryConfig(String redisUrl, String jdbcUrl, int capacity, int poolSize, int optimisticAttempts,
        Duration connectTimeout, Duration commandTimeout) {

    public static final String REDIS_ENV = "HOTKEY_REDIS_URL";
    public static final String JDBC_ENV = "HOTKEY_JDBC_URL";
    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
    public static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final int DEFAULT_CAPACITY = 100;

    public InventoryConfig {
        validateRedisUrl(redisUrl);
        validateJdbcUrl(jdbcUrl);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 but got " + capacity);
        }
        if (poolSize < 1 || poolSize > 256) {
            throw new IllegalArgumentException("pool size must be in [1, 256] but got " + poolSize);
        }
        if (optimisticAttempts < 1 || optimisticAttempts > 1_000_000) {
            throw new IllegalArgumentException("optimistic attempts must be in [1, 1000000] but got "
                    + optimisticAttempts);
        }
        requireTimeout("connect timeout", connectTimeout);
        requireTimeout("command timeout", commandTimeout);
    }

    /** The defaults, with the URLs taken from {@value #REDIS_ENV} and {@value #JDBC_ENV} where set. */
    public static InventoryConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** As {@link #fromEnvironment()}, reading the given variables (blank ones count as unset). */
    public static InventoryConfig fromEnvironment(Map<String, String> env) {
        Builder b = builder();
        String redis = env.get(REDIS_ENV);
        if (redis != null && !redis.isBlank()) {
            b.redisUrl(redis.trim());
        }
        String jdbc = env.get(JDBC_ENV);
        if (jdbc != null && !jdbc.isBlank()) {
            b.jdbcUrl(jdbc.trim());
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().redisUrl(redisUrl).jdbcUrl(jdbcUrl).capacity(capacity).poolSize(poolSize)
                .optimisticAttempts(optimisticAttempts).connectTimeout(connectTimeout).commandTimeout(commandTimeout);
    }

    public InventoryConfig withCapacity(int seats) {
        return toBuilder().capacity(seats).build();
    }

    private static void validateRedisUrl(String url) {
        String allowed = "redis://host:port or rediss://host:port";
        if (url == null) {
            throw new IllegalArgumentException("redis URL must look like " + allowed + " but got null");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            boolean ok = ("redis".equalsIgnoreCase(scheme) || "rediss".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && uri.getPort() <= 65_535;
            if (ok) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("redis URL must look like " + allowed + " but got '"
                + Redaction.url(url) + "'");
    }

    private static void validateJdbcUrl(String url) {
        String allowed = "jdbc:postgresql://host:port/database?user=...";
        Properties parsed = url == null || !url.startsWith("jdbc:postgresql:") ? null : Driver.parseURL(url, null);
        if (parsed == null) {
            throw new IllegalArgumentException("JDBC URL must look like " + allowed + " but got "
                    + (url == null ? "null" : "'" + Redaction.url(url) + "'"));
        }
    }

    private static void requireTimeout(String name, Duration d) {
        if (d == null || d.toMillis() < 100 || d.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(name + " must be in [100 ms, 10 min] but got " + d);
        }
    }

    /** Builder with the defaults: local servers, 100 seats, 8 connections, 100 attempts, 2 s connect, 5 s command. */
    public static final class Builder {
        private String redisUrl = DEFAULT_REDIS_URL;
        private String jdbcUrl = DEFAULT_JDBC_URL;
        private int capacity = DEFAULT_CAPACITY;
        private int poolSize = 8;
        private int optimisticAttempts = 100;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration commandTimeout = Duration.ofSeconds(5);

        public Builder redisUrl(String v) { redisUrl = v; return this; }
        public Builder jdbcUrl(String v) { jdbcUrl = v; return this; }
        public Builder capacity(int v) { capacity = v; return this; }
        public Builder poolSize(int v) { poolSize = v; return this; }
        public Builder optimisticAttempts(int v) { optimisticAttempts = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder commandTimeout(Duration v) { commandTimeout = v; return this; }

        public InventoryConfig build() {
            return new InventoryConfig(redisUrl, jdbcUrl, capacity, poolSize, optimisticAttempts, connectTimeout,
                    commandTimeout);
        }
    }
}
