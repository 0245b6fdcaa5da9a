package dev.hotkeylab.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * What the dashboard needs to show a run while it happens: a label, the topic and group to watch, how to reach their
 * cluster, and the parameters to print next to it.
 *
 * @param label        a short human title, e.g. {@code FIXED_KEY / 3 consumers}
 * @param topic        the topic the run produces to
 * @param group        the consumer group that consumes it, or null to watch the topic only
 * @param clientConfig Kafka client settings for the watcher's admin client (at least {@code bootstrap.servers});
 *                     empty to list the run without watching it
 * @param params       parameters shown with the run (strategy, key, partitions, ...), in display order
 */
public record RunInfo(String label, String topic, String group, Map<String, Object> clientConfig,
                      Map<String, String> params) {

    public RunInfo {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must be a non-blank string but got " + quoted(label));
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must be a non-blank string but got " + quoted(topic));
        }
        if (group != null && group.isBlank()) {
            throw new IllegalArgumentException("group must be null or non-blank but got \"\"");
        }
        clientConfig = clientConfig == null ? Map.of() : Map.copyOf(clientConfig);
        if (!clientConfig.isEmpty() && !clientConfig.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("clientConfig must contain bootstrap.servers but has " + clientConfig.keySet());
        }
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** True when the dashboard should poll the cluster for this run. */
    public boolean watched() {
        return !clientConfig.isEmpty();
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
