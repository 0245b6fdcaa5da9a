package dev.hotkeylab.keys.adaptive;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * A partitioner that salts only what is hot: every key keeps Kafka's default placement (and its order) until a
 * heavy-hitter detector sees it carry more than a threshold share of recent traffic; then its records go round robin
 * over several partitions, until it has been quiet for the cooldown and goes home again. The record key is never
 * changed. Any Java producer can use it through configuration alone:
 *
 * <pre>
 * partitioner.class=dev.hotkeylab.keys.adaptive.AdaptivePartitioner
 * interceptor.classes=dev.hotkeylab.keys.adaptive.AdaptiveHeaderInterceptor
 * hotkey.adaptive.threshold=0.2
 * </pre>
 *
 * The interceptor is optional: without it records are placed the same way but carry no {@code hotkey-*} headers.
 * Other settings: {@link AdaptivePartitionerConfig} ({@code hotkey.adaptive.top.k}, {@code .window.ms},
 * {@code .window.records}, {@code .window.panes}, {@code .min.events}, {@code .spread.partitions},
 * {@code .cooldown.ms}). What spreading and going home do to ordering: see {@link HotKeyRouter}.
 *
 * <p>Works with kafka-clients 3.6 to 4.3 (tested with real producers of 3.6.2, 3.9.1 and 4.3.1): each record is
 * placed, counted by the detector and given its headers once, although clients before 4.0 ask twice for a record
 * that opens a new batch (see {@link HotKeyRouter}).
 *
 * <p>Records without a key: Kafka's built-in "uniform sticky" placement for null keys is reachable only when no
 * partitioner is configured (the producer rejects a negative answer from a configured one), so this partitioner sends
 * them round robin over the topic's available partitions, as Kafka's {@code RoundRobinPartitioner} does: an even
 * spread at the cost of smaller batches than sticky placement. Records with an explicit partition never reach a
 * partitioner.
 */
public final class AdaptivePartitioner implements Partitioner {

    private final RouterLease lease;

    /** For Kafka, which instantiates partitioners by class name and then calls {@link #configure}. */
    public AdaptivePartitioner() {
        lease = new RouterLease();
    }

    /** A partitioner with its own router (e.g. on an injected clock), not shared through the registry. */
    public AdaptivePartitioner(HotKeyRouter router) {
        lease = new RouterLease(router);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        lease.acquire(configs, id -> id.isEmpty() ? "adaptive-" + UUID.randomUUID() : id);
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
            Cluster cluster) {
        HotKeyRouter router = lease.router();
        if (router == null) {
            throw new IllegalStateException("AdaptivePartitioner used before configure()");
        }
        return router.partition(topic, key, keyBytes, valueBytes, cluster);
    }

    /**
     * kafka-clients before 4.0 call this (the deprecated {@code Partitioner.onNewBatch}, removed in 4.0 by KAFKA-18295)
     * between two {@code partition()} calls for a record that opens a new batch; the second call then gets the first
     * answer, so each record is observed, placed and labelled once. Declared without {@code @Override} so the class
     * compiles against 4.x, where it is never called.
     *
     * @param prevPartition the partition this partitioner chose for the record
     */
    public void onNewBatch(String topic, Cluster cluster, int prevPartition) {
        HotKeyRouter router = lease.router();
        if (router != null) {
            router.onNewBatch(topic, prevPartition);
        }
    }

    /** The router deciding for this partitioner. */
    public HotKeyRouter router() {
        return lease.router();
    }

    @Override
    public void close() {
        lease.release();
    }
}
