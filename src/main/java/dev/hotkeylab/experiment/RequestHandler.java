package dev.hotkeylab.experiment;

/**
 * What a consumer does with one request before its offset is committed: the stand-in for the booking service's
 * database call. Called concurrently from every consumer thread of the group.
 */
@FunctionalInterface
public interface RequestHandler {

    void handle(TicketRequest request) throws Exception;

    /** Waits {@code serviceMillis} like an I/O call would (it does not burn CPU, so 2 cores do not cap parallelism). */
    static RequestHandler serviceTime(double serviceMillis) {
        if (serviceMillis <= 0) {
            return request -> { };
        }
        long nanos = (long) (serviceMillis * 1_000_000);
        return request -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
}
