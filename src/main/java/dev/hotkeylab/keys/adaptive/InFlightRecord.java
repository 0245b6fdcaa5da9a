package dev.hotkeylab.keys.adaptive;

import org.apache.kafka.common.header.Headers;

/**
 * The record this thread is sending: the headers the interceptor lent for its partition call, and the decision
 * made for it. The serialized arrays are remembered by identity hash and length, not held, so a large value is
 * not kept alive between sends. One per sending thread (a {@link ThreadLocal} of {@link HotKeyRouter}), so not
 * thread-safe.
 */
final class InFlightRecord {
    String lentTopic;
    Object lentKey;
    Headers lentHeaders;

    boolean decided;
    boolean repeatAsked;
    String topic;
    int partition;
    int keyId;
    int keyLength;
    int valueId;
    int valueLength;

    Headers takeLentHeaders(String topic, Object key) {
        Headers h = lentHeaders;
        // The same key object on the same topic: the record the interceptor just saw (an interceptor placed
        // after ours that replaced the key, or a record that never reached the partitioner, leaves a stale loan).
        boolean match = h != null && lentKey == key && topic.equals(lentTopic);
        lentTopic = null;
        lentKey = null;
        lentHeaders = null;
        return match ? h : null;
    }

    void decided(String topic, byte[] keyBytes, byte[] valueBytes, int partition) {
        this.decided = true;
        this.topic = topic;
        this.partition = partition;
        this.keyId = System.identityHashCode(keyBytes);
        this.keyLength = length(keyBytes);
        this.valueId = System.identityHashCode(valueBytes);
        this.valueLength = length(valueBytes);
    }

    boolean isSameRecord(String topic, byte[] keyBytes, byte[] valueBytes) {
        return decided && topic.equals(this.topic)
                && keyId == System.identityHashCode(keyBytes) && keyLength == length(keyBytes)
                && valueId == System.identityHashCode(valueBytes) && valueLength == length(valueBytes);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }
}
