package dev.hotkeylab.inventory;

import dev.hotkeylab.experiment.RequestHandler;
import dev.hotkeylab.experiment.TicketRequest;

/**
 * Plugs an inventory into the experiment: each consumer thread, before committing a record's offset, does the
 * record's service time (the stand-in for the rest of the booking service) and then reserves a seat of the request's
 * concert in the store, recording the outcome. A redelivered record therefore reaches the store twice, which is what
 * the idempotent stores are for.
 *
 * <pre>{@code
 * try (InventoryStore store = InventoryStores.open(StoreKind.REDIS_LUA, inventoryConfig)) {
 *     InventoryRequestHandler handler = InventoryRequestHandler.prepare(store, config.key(), 100,
 *             config.serviceTimeMillis());
 *     ExperimentResult result = runner.run(config, listener, handler);
 *     InventorySummary summary = handler.summary();
 * }
 * }</pre>
 */
public final class InventoryRequestHandler implements RequestHandler {

    private final InventoryStore store;
    private final String concertId;
    private final int capacity;
    private final RequestHandler work;
    private final ReservationLog log;

    /**
     * @param store     where seats are reserved (not closed by the handler)
     * @param concertId the concert whose {@link #summary} is reported (the run's unsalted key)
     * @param capacity  the concert's seats, for the summary
     * @param work      what a consumer does before reserving (e.g. {@link RequestHandler#serviceTime})
     * @param log       where outcomes go
     */
    public InventoryRequestHandler(InventoryStore store, String concertId, int capacity, RequestHandler work,
            ReservationLog log) {
        this.store = store;
        this.concertId = concertId;
        this.capacity = capacity;
        this.work = work;
        this.log = log;
    }

    /**
     * Resets the concert to {@code capacity} seats and returns a handler that waits the service time before each
     * reservation, logging with a clock that starts at the first request (not while the group settles).
     */
    public static InventoryRequestHandler prepare(InventoryStore store, String concertId, int capacity,
            double serviceTimeMillis) {
        store.reset(concertId, capacity);
        return new InventoryRequestHandler(store, concertId, capacity, RequestHandler.serviceTime(serviceTimeMillis),
                ReservationLog.startingOnFirstUse(System::nanoTime));
    }

    @Override
    public void handle(TicketRequest request) throws Exception {
        log.start();
        work.handle(request);
        log.record(store.reserve(request.concertId(), request.requestId(), request.userId()));
    }

    public ReservationLog log() {
        return log;
    }

    /** The store's result so far: {@code sold} read from the store, the rest from the log. */
    public InventorySummary summary() {
        return log.summarize(store.name(), capacity, store.sold(concertId));
    }
}
