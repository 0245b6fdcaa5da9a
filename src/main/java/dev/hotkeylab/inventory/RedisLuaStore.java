package dev.hotkeylab.inventory;

import java.util.List;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The whole decision in one Lua script, which Redis runs without interleaving any other command: has this request
 * already booked (a redelivery)? is a seat left? then take it and record the booking. Loaded once with SCRIPT LOAD
 * and run by its SHA with EVALSHA, so each reservation is one round trip; after a restart or SCRIPT FLUSH the server
 * answers NOSCRIPT and the script is loaded again.
 */
final class RedisLuaStore extends RedisStoreBase {

    /** KEYS: remaining, bookings. ARGV: request id, user id. Returns 0 confirmed, 1 sold out, 2 duplicate, -1 unknown. */
    static final String SCRIPT = String.join("\n",
            "if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 2 end",
            "local remaining = redis.call('GET', KEYS[1])",
            "if not remaining then return -1 end",
            "if tonumber(remaining) <= 0 then return 1 end",
            "redis.call('DECR', KEYS[1])",
            "redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])",
            "return 0");

    private volatile String sha;

    RedisLuaStore(InventoryConfig config) {
        super(StoreKind.REDIS_LUA, config);
        try {
            this.sha = redis(jedis -> jedis.scriptLoad(SCRIPT));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Outcome reserve(String concertId, String requestId, String userId) {
        List<String> keys = List.of(remainingKey(concertId), bookingsKey(concertId));
        List<String> args = List.of(requestId, userId);
        long code = redis(jedis -> {
            try {
                return (Long) jedis.evalsha(sha, keys, args);
            } catch (JedisNoScriptException e) {
                sha = jedis.scriptLoad(SCRIPT);
                return (Long) jedis.evalsha(sha, keys, args);
            }
        });
        return switch ((int) code) {
            case 0 -> Outcome.CONFIRMED;
            case 1 -> Outcome.SOLD_OUT;
            case 2 -> Outcome.DUPLICATE;
            case -1 -> throw unknownConcert(concertId, name());
            default -> throw new IllegalStateException("reservation script returned unexpected code " + code);
        };
    }

    @Override
    public long sold(String concertId) {
        return redis(jedis -> jedis.hlen(bookingsKey(concertId)));
    }

    /** The SHA the script runs under (for tests that flush scripts). */
    String scriptSha() {
        return sha;
    }
}
