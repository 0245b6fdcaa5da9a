package dev.hotkeylab.inventory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * What the PostgreSQL stores share: a small HikariCP pool, a private schema per store instance (tables {@code stock}
 * and {@code bookings}; dropped on close, so runs and tests never collide), reset and the booking count.
 *
 * <p>Why a pool rather than a connection per thread: the callers are consumer threads the store does not own (they
 * come and go with rebalances), a pool bounds the connections per store however many threads call it (PostgreSQL
 * allows 100 by default), and it gives every wait a timeout: connect, login, socket read, and the wait for a free
 * connection.
 */
abstract class SqlStoreBase implements InventoryStore {

    private final StoreKind kind;
    private final String url;
    private final HikariDataSource pool;
    final String schema;

    /**
     * A safe kind ({@link StoreKind#safe()}) gets the idempotency constraint: a request id may hold one booking only,
     * which is what keeps it from selling twice to a redelivered request. A naive kind books every delivery.
     */
    SqlStoreBase(StoreKind kind, InventoryConfig config) {
        this.kind = kind;
        this.url = Redaction.url(config.jdbcUrl());
        this.schema = "hotkey_inv_" + UUID.randomUUID().toString().substring(0, 8);
        this.pool = open(config);
        try {
            createSchema(kind.safe());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public StoreKind kind() {
        return kind;
    }

    private HikariDataSource open(InventoryConfig config) {
        long connectMillis = config.connectTimeout().toMillis();
        int connectSeconds = (int) Math.max(1, (connectMillis + 999) / 1000);
        int socketSeconds = (int) Math.max(1, (config.commandTimeout().toMillis() + 999) / 1000);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setPoolName("hotkey-" + schema);
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(1);
        // The wait for a free pooled connection (Hikari's default is 30 s).
        hc.setConnectionTimeout(Math.max(250, config.commandTimeout().toMillis()));
        // One attempt at start-up, failing at once: an unreachable server is an error now, not on the first request.
        hc.setInitializationFailTimeout(1);
        // pgjdbc's own timeouts, in seconds (defaults: connectTimeout 10, loginTimeout none, socketTimeout none).
        hc.addDataSourceProperty("connectTimeout", Integer.toString(connectSeconds));
        hc.addDataSourceProperty("loginTimeout", Integer.toString(connectSeconds));
        hc.addDataSourceProperty("socketTimeout", Integer.toString(socketSeconds));
        hc.addDataSourceProperty("ApplicationName", "hotkey-lab " + kind.displayName());
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new InventoryUnavailableException("PostgreSQL at " + url + " is not reachable: "
                    + Redaction.reason(e), e);
        }
    }

    private void createSchema(boolean uniqueBookings) {
        sql(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("CREATE TABLE " + schema + ".stock (concert_id text PRIMARY KEY,"
                        + " remaining integer NOT NULL, version bigint NOT NULL DEFAULT 0)");
                s.execute("CREATE TABLE " + schema + ".bookings (request_id text NOT NULL"
                        + (uniqueBookings ? " PRIMARY KEY" : "")
                        + ", concert_id text NOT NULL REFERENCES " + schema + ".stock (concert_id),"
                        + " user_id text NOT NULL, booked_at timestamptz NOT NULL DEFAULT clock_timestamp())");
                s.execute("CREATE INDEX ON " + schema + ".bookings (concert_id)");
            }
            return null;
        });
    }

    /** A unit of JDBC work on a pooled connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs the work on a pooled connection. A foreign-key violation means the concert has no stock row (it was never
     * reset); any other failure becomes a one-line error naming the URL.
     */
    final <T> T sql(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new InventoryUnavailableException("PostgreSQL at " + url + " failed"
                    + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")") + ": "
                    + Redaction.reason(e), e);
        }
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    final <T> T transaction(SqlWork<T> work) {
        return sql(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * The idempotency step both transactional stores start with: record the booking under its request id. Returns
     * false (after rolling back) when that request id is already booked, which the caller answers with DUPLICATE.
     *
     * @throws IllegalStateException when the concert was never reset (the booking's foreign key has no stock row)
     */
    boolean book(java.sql.Connection c, String concertId, String requestId, String userId) throws SQLException {
        try (java.sql.PreparedStatement book = c.prepareStatement("INSERT INTO " + schema + ".bookings"
                + " (request_id, concert_id, user_id) VALUES (?, ?, ?) ON CONFLICT (request_id) DO NOTHING")) {
            book.setString(1, requestId);
            book.setString(2, concertId);
            book.setString(3, userId);
            if (book.executeUpdate() == 0) {
                c.rollback();
                return false;
            }
            return true;
        } catch (SQLException e) {
            if (isForeignKeyViolation(e)) {
                throw unknownConcert(concertId);
            }
            throw e;
        }
    }

    static boolean isForeignKeyViolation(SQLException e) {
        return "23503".equals(e.getSQLState());
    }

    IllegalStateException unknownConcert(String concertId) {
        return RedisStoreBase.unknownConcert(concertId, name());
    }

    @Override
    public void reset(String concertId, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0 but got " + capacity);
        }
        transaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + schema + ".bookings WHERE concert_id = ?");
                    PreparedStatement up = c.prepareStatement("INSERT INTO " + schema + ".stock (concert_id, remaining)"
                            + " VALUES (?, ?) ON CONFLICT (concert_id)"
                            + " DO UPDATE SET remaining = EXCLUDED.remaining, version = stock.version + 1")) {
                del.setString(1, concertId);
                del.executeUpdate();
                up.setString(1, concertId);
                up.setInt(2, capacity);
                up.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public long sold(String concertId) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM " + schema + ".bookings WHERE concert_id = ?")) {
                ps.setString(1, concertId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void close() {
        try {
            sql(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
                return null;
            });
        } finally {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return name() + " on " + url + " (schema " + schema + ")";
    }
}
