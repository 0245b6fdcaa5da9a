package dev.hotkeylab.keys.adaptive;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a producer's {@link AdaptivePartitioner} and {@link AdaptiveHeaderInterceptor} meet. Kafka builds both from
 * class names and hands each the producer's {@code client.id} (its own or the generated {@code producer-N}), so the
 * client id is the one thing they share: whichever is configured first creates the {@link HotKeyRouter}, the other
 * joins it, and the last to close removes it. Two producers with the same {@code client.id} in one JVM would share one
 * router (Kafka already warns about duplicate client ids, whose metrics collide).
 */
public final class AdaptiveRegistry {

    private static final Map<String, Entry> ROUTERS = new HashMap<>();

    private AdaptiveRegistry() {
    }

    /** The router of the producer with this {@code client.id}, while that producer is open. */
    public static synchronized Optional<HotKeyRouter> forClient(String clientId) {
        Entry e = ROUTERS.get(clientId);
        return e == null ? Optional.empty() : Optional.of(e.router);
    }

    static synchronized HotKeyRouter acquire(String clientId, Map<String, ?> configs) {
        Entry e = ROUTERS.get(clientId);
        if (e == null) {
            e = new Entry(new HotKeyRouter(AdaptivePartitionerConfig.from(configs)));
            ROUTERS.put(clientId, e);
        }
        e.users++;
        return e.router;
    }

    static synchronized void release(String clientId, HotKeyRouter router) {
        Entry e = ROUTERS.get(clientId);
        if (e != null && e.router == router && --e.users == 0) {
            ROUTERS.remove(clientId);
        }
    }

    private static final class Entry {
        final HotKeyRouter router;
        int users;

        Entry(HotKeyRouter router) {
            this.router = router;
        }
    }
}
