package dev.hotkeylab.inventory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The intuitive check in SQL, in autocommit: SELECT remaining, and if there are any, UPDATE the row to the value read
 * minus one, then INSERT the booking. Nothing holds the row between the read and the write, so parallel consumers
 * overwrite each other's decrements and over-sell. The bookings table has no unique constraint: a redelivered request
 * books again, and {@link #sold} counts every confirmation.
 */
final class NaiveSqlStore extends SqlStoreBase {

    NaiveSqlStore(InventoryConfig config) {
        super(StoreKind.NAIVE_SQL, config);
    }

    @Override
    public Outcome reserve(String concertId, String requestId, String userId) {
        return sql(c -> {
            int remaining;
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT remaining FROM " + schema + ".stock WHERE concert_id = ?")) {
                read.setString(1, concertId);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw unknownConcert(concertId);
                    }
                    remaining = rs.getInt(1);
                }
            }
            if (remaining <= 0) {
                return Outcome.SOLD_OUT;
            }
            try (PreparedStatement write = c.prepareStatement(
                    "UPDATE " + schema + ".stock SET remaining = ? WHERE concert_id = ?");
                    PreparedStatement book = c.prepareStatement("INSERT INTO " + schema + ".bookings"
                            + " (request_id, concert_id, user_id) VALUES (?, ?, ?)")) {
                write.setInt(1, remaining - 1);
                write.setString(2, concertId);
                write.executeUpdate();
                book.setString(1, requestId);
                book.setString(2, concertId);
                book.setString(3, userId);
                book.executeUpdate();
            }
            return Outcome.CONFIRMED;
        });
    }
}
