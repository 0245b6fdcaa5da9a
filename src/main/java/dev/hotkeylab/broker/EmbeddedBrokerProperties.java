package dev.hotkeylab.broker;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker settings an embedded cluster of {@code brokers} brokers starts with, where Kafka's defaults do not fit a
 * cluster of one to {@value EmbeddedKafka#MAX_BROKERS} brokers in one JVM. Each setting names its property and Kafka's
 * default, and says why it differs. A caller's overrides ({@link EmbeddedKafka#start(int, Map)}) win over these.
 */
final class EmbeddedBrokerProperties {

    private EmbeddedBrokerProperties() {
    }

    /** The settings by property name, read-only. */
    static Map<String, String> forBrokers(int brokers) {
        int replication = Math.min(3, brokers);
        Map<String, String> props = new TreeMap<>();
        // offsets.topic.replication.factor (default 3): a single broker cannot hold 3 replicas, and consumers would
        // then wait forever for their group coordinator.
        props.put("offsets.topic.replication.factor", String.valueOf(replication));
        // offsets.topic.num.partitions (default 50): 50 partitions of __consumer_offsets take seconds to create.
        props.put("offsets.topic.num.partitions", "3");
        // transaction.state.log.replication.factor (default 3) and .min.isr (default 2): same reason as above.
        props.put("transaction.state.log.replication.factor", String.valueOf(replication));
        props.put("transaction.state.log.min.isr", String.valueOf(Math.min(2, replication)));
        props.put("transaction.state.log.num.partitions", "3");
        // share.coordinator.state.topic.replication.factor (default 3) and .min.isr (default 2), from Kafka's
        // ShareCoordinatorConfig: the share groups' state topic (__share_group_state) needs as many brokers, else a
        // single broker answers "coordinator not available" and share consumers receive nothing (KIP-932).
        props.put("share.coordinator.state.topic.replication.factor", String.valueOf(replication));
        props.put("share.coordinator.state.topic.min.isr", String.valueOf(Math.min(2, replication)));
        // share.coordinator.state.topic.num.partitions (default 50): as for __consumer_offsets, 50 take seconds.
        props.put("share.coordinator.state.topic.num.partitions", "3");
        // group.initial.rebalance.delay.ms (default 3000): consumers starting together join one rebalance within
        // 300 ms (settled one-partition-per-consumer assignment in ~0.65 s in every trial; 0 raced).
        props.put("group.initial.rebalance.delay.ms", "300");
        // auto.create.topics.enable (default true): experiments create their topics with a known partition count;
        // a typo must not silently create a 1-partition topic.
        props.put("auto.create.topics.enable", "false");
        // log.retention.check.interval.ms (default 300000): how often the broker removes segments below a partition's
        // log start offset. Runs that delete records as they are consumed (Admin.deleteRecords) only free disk at this
        // check; every 5 min would let a 10^7-request run keep nearly all of it.
        props.put("log.retention.check.interval.ms", "1000");
        if (brokers == 1) {
            // controlled.shutdown.enable (default true): a broker that stops first asks the controller to move its
            // partitions' leadership elsewhere and waits for the answer. A single broker has nowhere to move them, and
            // the round trip was about 210 ms of the 650 ms its shutdown took after Ctrl-C (load average ~15). With
            // several brokers it stays on: the fault tests stop a leader and measure the controlled failover.
            props.put("controlled.shutdown.enable", "false");
        }
        return Collections.unmodifiableMap(props);
    }
}
