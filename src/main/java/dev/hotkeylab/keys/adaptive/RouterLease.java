package dev.hotkeylab.keys.adaptive;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How a producer plugin ({@link AdaptivePartitioner}, {@link AdaptiveHeaderInterceptor}) holds its
 * {@link HotKeyRouter}: given in its constructor, or acquired from {@link AdaptiveRegistry} by client id in
 * {@code configure} (so the partitioner and the interceptor of one producer share one router) and released in
 * {@code close}.
 */
final class RouterLease {

    private HotKeyRouter router;
    private String clientId;
    private boolean registered;

    /** A lease that {@link #acquire} fills from the registry. */
    RouterLease() {
    }

    /** A lease on a router of the plugin's own, never registered. */
    RouterLease(HotKeyRouter router) {
        if (router == null) {
            throw new IllegalArgumentException("router must not be null");
        }
        this.router = router;
    }

    /** The router, or null before {@link #acquire}. */
    HotKeyRouter router() {
        return router;
    }

    /**
     * Unless a router was given: takes the shared router from the registry (created from {@code configs} if new) under
     * the id {@code clientIdOf} makes of the producer's {@code client.id} ("" when it has none).
     */
    void acquire(Map<String, ?> configs, UnaryOperator<String> clientIdOf) {
        if (router != null) {
            return;
        }
        Object id = configs.get(ProducerConfig.CLIENT_ID_CONFIG);
        clientId = clientIdOf.apply(id == null ? "" : id.toString());
        router = AdaptiveRegistry.acquire(clientId, configs);
        registered = true;
    }

    /** Gives a registry router back; once, and never a router that was given. */
    void release() {
        if (registered) {
            AdaptiveRegistry.release(clientId, router);
            registered = false;
        }
    }
}
