package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hotkeylab.inventory.support.InventoryServers;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server that cannot be reached is a one-line error naming the URL within seconds, not a hang. The preemptive
 * timeouts are hang guards (far above the 2 s connect timeout), not speed goals.
 */
@DisplayName("Inventory: unreachable servers and bad URLs fail fast with the URL in the message")
class InventoryUnavailableTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(15);

    @Test
    @DisplayName("Redis on a closed port: InventoryUnavailableException naming redis://127.0.0.1:1")
    void redisClosedPort() {
        InventoryConfig config = InventoryConfig.builder().redisUrl("redis://127.0.0.1:1").build();
        for (StoreKind kind : new StoreKind[] {StoreKind.NAIVE_REDIS, StoreKind.REDIS_LUA}) {
            Throwable thrown = assertTimeoutPreemptively(HANG_GUARD,
                    () -> catchFrom(() -> InventoryStores.open(kind, config)));
            assertThat(thrown).isInstanceOf(InventoryUnavailableException.class)
                    .hasMessageStartingWith("Redis at redis://127.0.0.1:1 is not reachable: ");
            assertThat(thrown.getMessage()).doesNotContain("\n");
        }
    }

    @Test
    @DisplayName("PostgreSQL on a closed port: InventoryUnavailableException naming the JDBC URL")
    void postgresClosedPort() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres";
        InventoryConfig config = InventoryConfig.builder().jdbcUrl(url).build();
        for (StoreKind kind : new StoreKind[] {StoreKind.NAIVE_SQL, StoreKind.SQL_CONDITIONAL,
                StoreKind.SQL_OPTIMISTIC}) {
            Throwable thrown = assertTimeoutPreemptively(HANG_GUARD,
                    () -> catchFrom(() -> InventoryStores.open(kind, config)));
            assertThat(thrown).isInstanceOf(InventoryUnavailableException.class)
                    .hasMessageStartingWith("PostgreSQL at " + url + " is not reachable: ");
            assertThat(thrown.getMessage()).doesNotContain("\n");
        }
    }

    @Test
    @DisplayName("Unknown host (.invalid never resolves): the error names the URL")
    void unknownHost() {
        InventoryConfig config = InventoryConfig.builder().redisUrl("redis://no-such-host.invalid:6379")
                .jdbcUrl("jdbc:postgresql://no-such-host.invalid:5432/test?user=postgres").build();
        Throwable redis = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchFrom(() -> InventoryStores.open(StoreKind.REDIS_LUA, config)));
        Throwable sql = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchFrom(() -> InventoryStores.open(StoreKind.SQL_CONDITIONAL, config)));

        assertThat(redis).isInstanceOf(InventoryUnavailableException.class)
                .hasMessageStartingWith("Redis at redis://no-such-host.invalid:6379 is not reachable: ");
        assertThat(sql).isInstanceOf(InventoryUnavailableException.class)
                .hasMessageStartingWith("PostgreSQL at " + config.jdbcUrl() + " is not reachable: ");
    }

    @Test
    @DisplayName("PostgreSQL answers but the database does not exist: the error names the URL and the server's reason")
    void postgresUnknownDatabase() {
        String base = InventoryServers.jdbcUrl();
        String url = base.replaceFirst("/[^/?]+(\\?|$)", "/hotkey_no_such_database$1");
        InventoryConfig config = InventoryConfig.builder().jdbcUrl(url).build();

        Throwable thrown = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchFrom(() -> InventoryStores.open(StoreKind.SQL_CONDITIONAL, config)));
        assertThat(thrown).isInstanceOf(InventoryUnavailableException.class)
                .hasMessageContaining("PostgreSQL at " + Redaction.url(url))
                .hasMessageContaining("hotkey_no_such_database");
    }

    @Test
    @DisplayName("Malformed URLs are rejected by the config, naming the value and the allowed form")
    void malformedUrls() {
        assertThatThrownBy(() -> InventoryConfig.builder().redisUrl("localhost:6379").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("redis URL must look like redis://host:port or rediss://host:port but got "
                        + "'localhost:6379'");
        assertThatThrownBy(() -> InventoryConfig.builder().redisUrl("redis://bad host:6379").build())
                .hasMessageContaining("'redis://bad host:6379'");
        assertThatThrownBy(() -> InventoryConfig.builder().jdbcUrl("jdbc:mysql://127.0.0.1/test").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JDBC URL must look like jdbc:postgresql://host:port/database?user=... but got "
                        + "'jdbc:mysql://127.0.0.1/test'");
        assertThatThrownBy(() -> InventoryConfig.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:notaport/x").build())
                .hasMessageContaining("'jdbc:postgresql://127.0.0.1:notaport/x'");
    }

    @Test
    @DisplayName("Passwords in URLs are redacted from error messages")
    void passwordsAreRedacted() {
        InventoryConfig config = InventoryConfig.builder()
                .redisUrl("redis://user:s3cret@127.0.0.1:1")
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cret")
                .build();
        Throwable redis = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchFrom(() -> InventoryStores.open(StoreKind.REDIS_LUA, config)));
        Throwable sql = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchFrom(() -> InventoryStores.open(StoreKind.SQL_CONDITIONAL, config)));

        assertThat(redis).hasMessageContaining("redis://user:***@127.0.0.1:1").hasMessageNotContaining("s3cret");
        assertThat(sql).hasMessageContaining("password=***").hasMessageNotContaining("s3cret");
    }

    private static Throwable catchFrom(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
