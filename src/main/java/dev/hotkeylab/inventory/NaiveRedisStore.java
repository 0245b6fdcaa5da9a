package dev.hotkeylab.inventory;

/**
 * The intuitive check in Redis: GET the remaining seats, and if there are any, SET remaining - 1. Two round trips
 * with nothing holding the value in between, so consumers working in parallel read the same number, each sell a seat
 * and write the same decrement: lost updates, over-selling. No idempotency either: a redelivered request sells again.
 * Every confirmation is also counted with INCR, apart from the stock, so the over-selling can be measured.
 */
final class NaiveRedisStore extends RedisStoreBase {

    NaiveRedisStore(InventoryConfig config) {
        super(StoreKind.NAIVE_REDIS, config);
    }

    @Override
    public Outcome reserve(String concertId, String requestId, String userId) {
        return redis(jedis -> {
            String remaining = jedis.get(remainingKey(concertId));
            if (remaining == null) {
                throw unknownConcert(concertId, name());
            }
            long left = Long.parseLong(remaining);
            if (left <= 0) {
                return Outcome.SOLD_OUT;
            }
            jedis.set(remainingKey(concertId), Long.toString(left - 1));
            jedis.incr(confirmedKey(concertId));
            return Outcome.CONFIRMED;
        });
    }

    @Override
    public long sold(String concertId) {
        return redis(jedis -> {
            String confirmed = jedis.get(confirmedKey(concertId));
            return confirmed == null ? 0L : Long.parseLong(confirmed);
        });
    }
}
