package dev.hotkeylab.inventory;

import dev.hotkeylab.experiment.RequestHandler;
import dev.hotkeylab.experiment.TicketRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plugs an inventory into the experiment: each consumer thread, before committing a record's offset, does the
 * record's service time (the stand-in for the rest of the booking service) and then reserves a seat of the request's
 * concert in the store, recording the outcome. A redelivered record therefore reaches the store twice, which is what
 * the idempotent stores are for. Every concert gets {@code capacity} seats: the run's concert when the handler is
 * prepared, any other concert (the quiet ones of a mixed workload, {@code --quiet-concerts}) when its first request
 * arrives, once per handler.
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
    /** Concerts reset to {@code capacity} by this handler; a concert's first request resets it, once. */
    private final Map<String, Boolean> stocked = new ConcurrentHashMap<>();

    /**
     * @param store     where seats are reserved (not closed by the handler)
     * @param concertId the concert whose {@link #summary} is reported (the run's unsalted key), already reset to
     *                  {@code capacity} seats by the caller ({@link #prepare} does)
     * @param capacity  the seats of every concert, for the summary and for the other concerts' resets
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
        stocked.put(concertId, Boolean.TRUE);
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
        // computeIfAbsent runs the reset once per concert; a second thread's first request for it waits until done.
        stocked.computeIfAbsent(request.concertId(), concert -> {
            store.reset(concert, capacity);
            return Boolean.TRUE;
        });
        log.record(store.reserve(request.concertId(), request.requestId(), request.userId()));
    }

    public ReservationLog log() {
        return log;
    }

    /**
     * The store's result so far: {@code sold} (and so oversold) of the run's concert read from the store, the outcome
     * counts from the log, over every concert.
     */
    public InventorySummary summary() {
        return log.summarize(store.name(), capacity, store.sold(concertId));
    }
}
