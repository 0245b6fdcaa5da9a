package dev.hotkeylab.dashboard;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The page's live feed: every poll interval, one poll of the watched topics, then the whole state pushed to every
 * open page as a Server-Sent Event {@code state}. One daemon thread; close it.
 */
final class LiveFeed implements AutoCloseable {

    private final Duration every;
    private final Consumer<BooleanSupplier> poll;
    private final Supplier<String> state;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller;
    private volatile boolean closed;

    /**
     * @param every how often to poll and push
     * @param poll  polls the watched topics, stopping early when the supplier it is given says the feed closed
     * @param state the JSON pushed as each {@code state} event
     */
    LiveFeed(Duration every, Consumer<BooleanSupplier> poll, Supplier<String> state) {
        this.every = every;
        this.poll = poll;
        this.state = state;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotkey-dashboard-poller");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        long millis = every.toMillis();
        poller.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** A new page: it gets the state at once, then every push. */
    void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        client.sendEvent("state", state.get());
        clients.add(client);
    }

    private void tick() {
        try {
            poll.accept(() -> closed);
            if (!closed) {
                broadcast();
            }
        } catch (RuntimeException e) {
            // The poller must survive anything one poll throws; the snapshot already carries broker errors.
            org.slf4j.LoggerFactory.getLogger(DashboardServer.class).warn("dashboard poll failed: {}", e.toString());
        }
    }

    private void broadcast() {
        if (clients.isEmpty()) {
            return;
        }
        String payload = state.get();
        for (Iterator<SseClient> it = clients.iterator(); it.hasNext(); ) {
            SseClient c = it.next();
            if (c.terminated()) {
                it.remove();
            } else {
                c.sendEvent("state", payload);
            }
        }
    }

    /** Stops the poller (waiting up to 10 s for a poll under way) and closes every page's stream. */
    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
