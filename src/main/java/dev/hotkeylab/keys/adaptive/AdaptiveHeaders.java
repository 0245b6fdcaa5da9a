package dev.hotkeylab.keys.adaptive;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a spread record carries (values are UTF-8 text). The record key is never changed: it is the original
 * key, so a consumer that groups or deduplicates by key keeps working.
 */
public final class AdaptiveHeaders {

    /** The partition the record was spread to, e.g. {@code 1}. Present only on spread records. */
    public static final String SALTED = "hotkey-salted";
    /** The partition Kafka's default partitioner would have chosen: where the key's other records live. */
    public static final String HOME_PARTITION = "hotkey-home-partition";
    /**
     * A key that Kafka's default partitioner places on the same partition as this record (String keys only:
     * {@code key + "_" + suffix}, from {@link dev.hotkeylab.keys.base.PartitionAwareSalts}), for a later hop (a mirror,
     * a re-keying job) that should keep the spread without this partitioner.
     */
    public static final String SALTED_KEY = "hotkey-salted-key";

    private AdaptiveHeaders() {
    }

    /** The value of a header as text, or null when it is absent. */
    public static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Whether a record was spread by the adaptive partitioner. */
    public static boolean isSalted(Headers headers) {
        return headers.lastHeader(SALTED) != null;
    }
}
