package dev.hotkeylab.inventory;

/**
 * An optimistic reservation lost the version race on every allowed attempt. The request was NOT decided (nothing was
 * sold, nothing recorded), so the caller must not acknowledge it: a consumer leaves its offset uncommitted and the
 * redelivery retries it, which the store's idempotency makes safe.
 */
public class ReservationConflictException extends RuntimeException {

    public ReservationConflictException(String message) {
        super(message);
    }
}
