package dev.hotkeylab.inventory;

/**
 * The booking service's stock of seats, the downstream system a hot key's consumers all write to. The stores differ
 * only in how {@link #reserve} decides, which is the point of the experiment: a naive read-check-write over-sells
 * once several consumers work in parallel; an atomic one cannot.
 *
 * <p>Every method may be called concurrently from several consumer threads. A store owns its connections and its
 * private namespace (Redis key prefix or PostgreSQL schema), which {@link #close()} releases and removes.
 */
public interface InventoryStore extends AutoCloseable {

    /**
     * Tries to book one seat of {@code concertId} for the request.
     *
     * @throws IllegalStateException         when the concert was never {@link #reset}
     * @throws InventoryUnavailableException when the server cannot be reached or fails
     * @throws ReservationConflictException  (optimistic store only) when every allowed attempt lost the race
     */
    Outcome reserve(String concertId, String requestId, String userId);

    /** Creates or overwrites the concert's stock with {@code capacity} seats and forgets all its bookings. */
    void reset(String concertId, int capacity);

    /**
     * Bookings recorded as confirmed for the concert, counted from the store itself, not from the stock counter, so a
     * naive store's over-selling shows as {@code sold > capacity}.
     */
    long sold(String concertId);

    /** Which of the compared stores this is. */
    StoreKind kind();

    /** A short name for tables and reports, e.g. {@code redis-lua}: the kind's {@link StoreKind#displayName()}. */
    default String name() {
        return kind().displayName();
    }

    /** Removes the store's namespace and closes its connections. */
    @Override
    void close();
}
