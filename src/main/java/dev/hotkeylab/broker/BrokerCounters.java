package dev.hotkeylab.broker;

/**
 * What one broker's own socket server has counted since it started, on the listeners clients and followers use (the
 * controller's listener left out): Kafka's {@code socket-server-metrics} group of that broker's
 * {@link org.apache.kafka.common.metrics.Metrics}, summed over its network threads (processors). Two readings taken a
 * known time apart give bytes per second and the network threads' idle share.
 *
 * @param bytesIn        bytes received ({@code incoming-byte-total}): produce requests, consumer and follower fetch
 *                       requests, group and admin requests
 * @param bytesOut       bytes sent ({@code outgoing-byte-total}): fetch responses to consumers and followers, produce
 *                       and other responses
 * @param ioWaitNanos    time the network threads spent waiting for socket I/O ({@code io-wait-time-ns-total}): idle
 * @param networkThreads network threads (processors) the sums are over
 */
public record BrokerCounters(long bytesIn, long bytesOut, long ioWaitNanos, int networkThreads) {

    /** Where {@link KafkaBackend#brokerCounters()} reads them from, for reports. */
    public static final String SOURCE = "each broker's own socket-server-metrics (incoming-byte-total, "
            + "outgoing-byte-total, io-wait-time-ns-total)";
}
