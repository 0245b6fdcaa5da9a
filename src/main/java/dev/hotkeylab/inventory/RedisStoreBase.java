package dev.hotkeylab.inventory;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What the Redis stores share: a pool of Jedis connections with connect and read timeouts, a private key prefix per
 * store instance (so runs and tests never see each other's stock), and the key layout. Every key of one concert
 * carries the concert id as a hash tag, so a script touching several of them also works on Redis Cluster.
 */
abstract class RedisStoreBase implements InventoryStore {

    private final StoreKind kind;
    private final String url;
    private final JedisPool pool;
    private final String prefix;
    private final Set<String> concerts = ConcurrentHashMap.newKeySet();

    RedisStoreBase(StoreKind kind, InventoryConfig config) {
        this.kind = kind;
        this.url = Redaction.url(config.redisUrl());
        this.prefix = "hotkey:inv:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        this.pool = open(config);
    }

    @Override
    public StoreKind kind() {
        return kind;
    }

    private JedisPool open(InventoryConfig config) {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(config.poolSize());
        poolConfig.setMaxIdle(config.poolSize());
        // Waiting for a free pooled connection is bounded too, so an exhausted pool is an error, not a hang.
        poolConfig.setMaxWait(config.commandTimeout());
        JedisPool created = new JedisPool(poolConfig, URI.create(config.redisUrl()),
                millis(config.connectTimeout()), millis(config.commandTimeout()));
        try (Jedis jedis = created.getResource()) {
            jedis.ping();
            return created;
        } catch (JedisException | IllegalArgumentException e) {
            created.close();
            throw new InventoryUnavailableException("Redis at " + url + " is not reachable: "
                    + Redaction.reason(e), e);
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /** Runs one unit of work on a pooled connection; connection trouble becomes a one-line error naming the URL. */
    final <T> T redis(Function<Jedis, T> work) {
        try (Jedis jedis = pool.getResource()) {
            return work.apply(jedis);
        } catch (JedisConnectionException e) {
            throw new InventoryUnavailableException("Redis at " + url + " failed: " + Redaction.reason(e), e);
        } catch (JedisException e) {
            throw new InventoryUnavailableException("Redis at " + url + " answered with an error: "
                    + Redaction.reason(e), e);
        }
    }

    final String remainingKey(String concertId) {
        return key(concertId, "remaining");
    }

    /** An INCR counter of confirmations, kept apart from the stock so lost updates of the stock stay visible. */
    final String confirmedKey(String concertId) {
        return key(concertId, "confirmed");
    }

    /** Hash request id -> user id of the confirmed bookings: the idempotency record. */
    final String bookingsKey(String concertId) {
        return key(concertId, "bookings");
    }

    private String key(String concertId, String what) {
        return prefix + "{" + concertId + "}:" + what;
    }

    static IllegalStateException unknownConcert(String concertId, String store) {
        return new IllegalStateException("concert '" + concertId + "' has no stock in store " + store
                + "; call reset(concertId, capacity) first");
    }

    @Override
    public void reset(String concertId, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0 but got " + capacity);
        }
        concerts.add(concertId);
        redis(jedis -> {
            Transaction tx = jedis.multi();
            tx.del(confirmedKey(concertId), bookingsKey(concertId));
            tx.set(remainingKey(concertId), Integer.toString(capacity));
            return tx.exec();
        });
    }

    @Override
    public void close() {
        try {
            if (!concerts.isEmpty()) {
                redis(jedis -> {
                    for (String c : concerts) {
                        jedis.del(remainingKey(c), confirmedKey(c), bookingsKey(c));
                    }
                    return null;
                });
            }
        } finally {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return name() + " on " + url;
    }
}
