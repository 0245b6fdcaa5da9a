package dev.hotkeylab.inventory;

import java.sql.PreparedStatement;

/**
 * The database decides, in one transaction: INSERT the booking with the request id as primary key
 * ({@code ON CONFLICT DO NOTHING}; no row inserted means a redelivery, {@link Outcome#DUPLICATE}), then
 * {@code UPDATE stock SET remaining = remaining - 1 WHERE concert_id = ? AND remaining > 0}. PostgreSQL re-checks the
 * condition on the newest row version after any concurrent update commits, so the stock cannot go below zero; no row
 * updated means {@link Outcome#SOLD_OUT}, and the booking is rolled back.
 */
final class SqlConditionalStore extends SqlStoreBase {

    SqlConditionalStore(InventoryConfig config) {
        super(StoreKind.SQL_CONDITIONAL, config);
    }

    @Override
    public Outcome reserve(String concertId, String requestId, String userId) {
        return transaction(c -> {
            if (!book(c, concertId, requestId, userId)) {
                return Outcome.DUPLICATE;
            }
            try (PreparedStatement take = c.prepareStatement("UPDATE " + schema + ".stock"
                    + " SET remaining = remaining - 1 WHERE concert_id = ? AND remaining > 0")) {
                take.setString(1, concertId);
                if (take.executeUpdate() == 0) {
                    c.rollback();
                    return Outcome.SOLD_OUT;
                }
                return Outcome.CONFIRMED;
            }
        });
    }
}
