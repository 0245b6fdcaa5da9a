package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hotkeylab.inventory.support.InventoryServers;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The mechanisms behind the atomic stores, each forced to happen once on the real server. */
@org.junit.jupiter.api.DisplayName("Store mechanics: each atomic store's guard forced once on the real server")
class StoreMechanicsTest {

    @Test
    @DisplayName("Redis Lua: after SCRIPT FLUSH the store answers NOSCRIPT by loading the script again")
    void luaReloadsTheScriptAfterNoScript() {
        InventoryConfig config = InventoryServers.config(StoreKind.REDIS_LUA, 10);
        try (RedisLuaStore store = (RedisLuaStore) InventoryStores.open(StoreKind.REDIS_LUA, config);
                Jedis admin = new Jedis(URI.create(config.redisUrl()), 2000, 2000)) {
            store.reset("C", 1);
            String sha = store.scriptSha();
            assertThat(admin.scriptExists(sha)).isTrue();

            admin.scriptFlush();
            assertThat(admin.scriptExists(sha)).isFalse();

            assertThat(store.reserve("C", "r1", "u")).isEqualTo(Outcome.CONFIRMED);
            assertThat(admin.scriptExists(sha)).isTrue();
            assertThat(store.reserve("C", "r1", "u")).isEqualTo(Outcome.DUPLICATE);
            assertThat(store.reserve("C", "r2", "u")).isEqualTo(Outcome.SOLD_OUT);
        }
    }

    @Test
    @DisplayName("SQL optimistic: a sale committed between read and write is a version conflict; when the attempts "
            + "run out nothing is sold and ReservationConflictException says so")
    void optimisticGivesUpAfterItsAttemptsAndSellsNothing() throws Exception {
        InventoryConfig config = InventoryServers.config(StoreKind.SQL_OPTIMISTIC, 10).toBuilder()
                .optimisticAttempts(1).build();
        try (SqlOptimisticStore store = (SqlOptimisticStore) InventoryStores.open(StoreKind.SQL_OPTIMISTIC, config);
                Connection rival = DriverManager.getConnection(config.jdbcUrl());
                Connection observer = DriverManager.getConnection(config.jdbcUrl())) {
            store.reset("C", 5);
            // A rival sale holds the stock row: the store reads version v, then its UPDATE ... WHERE version = v
            // waits for the row lock, and once the rival commits version v+1 it matches no row.
            rival.setAutoCommit(false);
            try (Statement s = rival.createStatement()) {
                s.executeUpdate("UPDATE " + store.schema + ".stock SET remaining = remaining - 1,"
                        + " version = version + 1 WHERE concert_id = 'C'");
            }
            CompletableFuture<Outcome> reservation = CompletableFuture.supplyAsync(
                    () -> store.reserve("C", "r1", "u"));
            await("the store's versioned UPDATE to wait for the rival's row lock").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(waitingOnLock(observer, store.schema)).isEqualTo(1));
            rival.commit();

            assertThatThrownBy(reservation::join).hasCauseInstanceOf(ReservationConflictException.class)
                    .cause().hasMessageContaining("lost the version race 1 times");
            assertThat(store.conflicts()).isEqualTo(1);
            assertThat(store.sold("C")).isZero();
            // Undecided means undecided: the same request may be retried and now sells.
            assertThat(store.reserve("C", "r1", "u")).isEqualTo(Outcome.CONFIRMED);
            assertThat(store.sold("C")).isEqualTo(1);
        }
    }

    private static int waitingOnLock(Connection c, String schema) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND query LIKE ?")) {
            ps.setString(1, "UPDATE " + schema + ".stock SET remaining = $1%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
