package dev.hotkeylab.inventory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Optimistic concurrency: read remaining and the row's version, then {@code UPDATE ... SET remaining = ?,
 * version = version + 1 WHERE concert_id = ? AND version = ?}. A concurrent sale bumps the version, the update
 * matches no row, and the store reads again and retries, at most {@link InventoryConfig#optimisticAttempts()} times
 * (no sleep between attempts). The booking is inserted first in the same transaction with the request id as primary
 * key, so redeliveries answer {@link Outcome#DUPLICATE}.
 *
 * <p>When every attempt loses, the transaction is rolled back and {@link ReservationConflictException} is thrown: the
 * request is undecided (nothing sold), and the caller must not acknowledge it.
 */
final class SqlOptimisticStore extends SqlStoreBase {

    private final int maxAttempts;
    private final LongAdder conflicts = new LongAdder();

    SqlOptimisticStore(InventoryConfig config) {
        super(StoreKind.SQL_OPTIMISTIC, config);
        this.maxAttempts = config.optimisticAttempts();
    }

    @Override
    public Outcome reserve(String concertId, String requestId, String userId) {
        return transaction(c -> {
            if (!book(c, concertId, requestId, userId)) {
                return Outcome.DUPLICATE;
            }
            try (PreparedStatement read = c.prepareStatement(
                            "SELECT remaining, version FROM " + schema + ".stock WHERE concert_id = ?");
                    PreparedStatement write = c.prepareStatement("UPDATE " + schema + ".stock"
                            + " SET remaining = ?, version = version + 1 WHERE concert_id = ? AND version = ?")) {
                read.setString(1, concertId);
                write.setString(2, concertId);
                for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                    int remaining;
                    long version;
                    // READ COMMITTED: each SELECT sees the newest committed row, so a retry reads the winner's write.
                    try (ResultSet rs = read.executeQuery()) {
                        if (!rs.next()) {
                            throw unknownConcert(concertId);
                        }
                        remaining = rs.getInt(1);
                        version = rs.getLong(2);
                    }
                    if (remaining <= 0) {
                        c.rollback();
                        return Outcome.SOLD_OUT;
                    }
                    write.setInt(1, remaining - 1);
                    write.setLong(3, version);
                    if (write.executeUpdate() == 1) {
                        return Outcome.CONFIRMED;
                    }
                    conflicts.increment();
                }
                throw new ReservationConflictException("optimistic reservation of concert '" + concertId
                        + "' (request " + requestId + ") lost the version race " + maxAttempts
                        + " times; nothing was sold, retry the request");
            }
        });
    }

    /** Version conflicts seen so far (each one a retry), for reports. */
    long conflicts() {
        return conflicts.sum();
    }
}
