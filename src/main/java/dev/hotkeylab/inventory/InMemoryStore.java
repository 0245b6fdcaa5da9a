package dev.hotkeylab.inventory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The correct decision without a server: each concert's stock and bookings behind its own lock, so reservations of
 * different concerts never wait for each other. What the main job uses on a machine with no Redis or PostgreSQL.
 */
final class InMemoryStore implements InventoryStore {

    private static final class Concert {
        int remaining;
        final Map<String, String> bookings = new HashMap<>();

        Concert(int remaining) {
            this.remaining = remaining;
        }
    }

    private final Map<String, Concert> concerts = new ConcurrentHashMap<>();

    @Override
    public Outcome reserve(String concertId, String requestId, String userId) {
        Concert concert = concerts.get(concertId);
        if (concert == null) {
            throw RedisStoreBase.unknownConcert(concertId, name());
        }
        synchronized (concert) {
            if (concert.bookings.containsKey(requestId)) {
                return Outcome.DUPLICATE;
            }
            if (concert.remaining <= 0) {
                return Outcome.SOLD_OUT;
            }
            concert.remaining--;
            concert.bookings.put(requestId, userId);
            return Outcome.CONFIRMED;
        }
    }

    @Override
    public void reset(String concertId, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0 but got " + capacity);
        }
        concerts.put(concertId, new Concert(capacity));
    }

    @Override
    public long sold(String concertId) {
        Concert concert = concerts.get(concertId);
        if (concert == null) {
            return 0;
        }
        synchronized (concert) {
            return concert.bookings.size();
        }
    }

    @Override
    public StoreKind kind() {
        return StoreKind.IN_MEMORY;
    }

    @Override
    public void close() {
        concerts.clear();
    }
}
