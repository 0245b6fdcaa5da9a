package dev.hotkeylab.inventory.support;

import dev.hotkeylab.inventory.InventoryConfig;
import dev.hotkeylab.inventory.StoreKind;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.Jedis;

/**
 * Finds the Redis and PostgreSQL servers the inventory tests run against, once per JVM, in this order: the URL in
 * {@value InventoryConfig#REDIS_ENV} / {@value InventoryConfig#JDBC_ENV} (used as given: a test against a server the
 * user named fails loudly if it is down); the local default if it answers within 1 s; a Testcontainers container
 * ({@value #REDIS_IMAGE}, {@value #POSTGRES_IMAGE}) where Docker runs. With none of these, the test is skipped
 * (aborted) with a message saying what was missing.
 */
public final class InventoryServers {

    public static final String REDIS_IMAGE = "redis:7.4-alpine";
    public static final String POSTGRES_IMAGE = "postgres:16-alpine";
    private static final int PROBE_MILLIS = 1000;

    /** A resolved server: its URL, or why there is none. */
    private record Found(String url, String missing) {
    }

    private static Found redis;
    private static Found postgres;

    private InventoryServers() {
    }

    /** The Redis URL to test against; aborts the calling test when there is none. */
    public static synchronized String redisUrl() {
        if (redis == null) {
            redis = findRedis();
        }
        return require(redis);
    }

    /** The PostgreSQL JDBC URL to test against; aborts the calling test when there is none. */
    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            postgres = findPostgres();
        }
        return require(postgres);
    }

    /** A config with the capacity and the server the kind needs (aborting the test if it is missing). */
    public static InventoryConfig config(StoreKind kind, int capacity) {
        InventoryConfig.Builder b = InventoryConfig.builder().capacity(capacity);
        switch (kind.server()) {
            case REDIS -> b.redisUrl(redisUrl());
            case POSTGRES -> b.jdbcUrl(jdbcUrl());
            case NONE -> { }
        }
        return b.build();
    }

    private static String require(Found found) {
        if (found.url() == null) {
            dev.hotkeylab.findings.RequiredTool.require(found.missing()); // skipped with the reason here, fails on CI
        }
        return found.url();
    }

    private static Found findRedis() {
        String env = System.getenv(InventoryConfig.REDIS_ENV);
        if (env != null && !env.isBlank()) {
            return new Found(env.trim(), null);
        }
        String local = InventoryConfig.DEFAULT_REDIS_URL;
        try (Jedis jedis = new Jedis(URI.create(local), PROBE_MILLIS, PROBE_MILLIS)) {
            jedis.ping();
            return new Found(local, null);
        } catch (RuntimeException e) {
            // not there; try Docker
        }
        if (dockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
                    .withExposedPorts(6379);
            container.start(); // stopped by Testcontainers' reaper when the JVM exits
            return new Found("redis://" + container.getHost() + ":" + container.getMappedPort(6379), null);
        }
        return new Found(null, "no Redis for this test: " + InventoryConfig.REDIS_ENV + " is unset, nothing answered at "
                + local + " within " + PROBE_MILLIS + " ms, and Docker is not available for a " + REDIS_IMAGE
                + " container");
    }

    private static Found findPostgres() {
        String env = System.getenv(InventoryConfig.JDBC_ENV);
        if (env != null && !env.isBlank()) {
            return new Found(env.trim(), null);
        }
        String local = InventoryConfig.DEFAULT_JDBC_URL;
        Properties props = new Properties();
        props.setProperty("connectTimeout", "1");
        props.setProperty("loginTimeout", "1");
        props.setProperty("socketTimeout", "1");
        try (Connection c = DriverManager.getConnection(local, props)) {
            if (c.isValid(1)) {
                return new Found(local, null);
            }
        } catch (Exception e) {
            // not there; try Docker
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start(); // stopped by Testcontainers' reaper when the JVM exits
            String url = container.getJdbcUrl();
            String sep = url.contains("?") ? "&" : "?";
            return new Found(url + sep + "user=" + container.getUsername() + "&password=" + container.getPassword(),
                    null);
        }
        return new Found(null, "no PostgreSQL for this test: " + InventoryConfig.JDBC_ENV + " is unset, nothing "
                + "answered at " + local + " within " + PROBE_MILLIS + " ms, and Docker is not available for a "
                + POSTGRES_IMAGE + " container");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
