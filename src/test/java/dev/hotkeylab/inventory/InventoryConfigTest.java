package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Inventory settings: capacity, stores and bad values")
class InventoryConfigTest {

    @Test
    void defaultsPointAtLocalServers() {
        InventoryConfig c = InventoryConfig.fromEnvironment(Map.of());
        assertThat(c.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(c.capacity()).isEqualTo(100);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void environmentOverridesUrlsAndBlankCountsAsUnset() {
        InventoryConfig c = InventoryConfig.fromEnvironment(Map.of(
                InventoryConfig.REDIS_ENV, " redis://redis.example:6380 ",
                InventoryConfig.JDBC_ENV, ""));
        assertThat(c.redisUrl()).isEqualTo("redis://redis.example:6380");
        assertThat(c.jdbcUrl()).isEqualTo(InventoryConfig.DEFAULT_JDBC_URL);
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheValue() {
        assertThatThrownBy(() -> InventoryConfig.builder().capacity(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capacity must be >= 1 but got 0");
        assertThatThrownBy(() -> InventoryConfig.builder().poolSize(0).build())
                .hasMessage("pool size must be in [1, 256] but got 0");
        assertThatThrownBy(() -> InventoryConfig.builder().optimisticAttempts(0).build())
                .hasMessage("optimistic attempts must be in [1, 1000000] but got 0");
        assertThatThrownBy(() -> InventoryConfig.builder().connectTimeout(Duration.ofMillis(5)).build())
                .hasMessage("connect timeout must be in [100 ms, 10 min] but got PT0.005S");
        assertThatThrownBy(() -> InventoryConfig.builder().redisUrl(null).build())
                .hasMessage("redis URL must look like redis://host:port or rediss://host:port but got null");
    }

    @Test
    void withCapacityKeepsEverythingElse() {
        InventoryConfig c = InventoryConfig.builder().redisUrl("redis://h:1").poolSize(3).build().withCapacity(7);
        assertThat(c.capacity()).isEqualTo(7);
        assertThat(c.redisUrl()).isEqualTo("redis://h:1");
        assertThat(c.poolSize()).isEqualTo(3);
    }

    @Test
    void storeKindParsesLeniently() {
        assertThat(StoreKind.parse("redis-lua")).isEqualTo(StoreKind.REDIS_LUA);
        assertThat(StoreKind.parse(" SQL_Conditional ")).isEqualTo(StoreKind.SQL_CONDITIONAL);
        assertThatThrownBy(() -> StoreKind.parse("mongo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown inventory store 'mongo'; allowed: naive-redis, naive-sql, redis-lua, "
                        + "sql-conditional, sql-optimistic, in-memory");
    }

    @Test
    void redactionHidesPasswords() {
        assertThat(Redaction.url("redis://alice:pw@h:6379/0")).isEqualTo("redis://alice:***@h:6379/0");
        assertThat(Redaction.url("jdbc:postgresql://h/db?user=u&password=pw&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(Redaction.url("redis://h:6379")).isEqualTo("redis://h:6379");
    }
}
