package dev.hotkeylab.experiment;

import dev.hotkeylab.util.Choices;

/**
 * How a run's consumers share the topic: beside the key strategy, the other answer to a hot partition.
 *
 * <ul>
 *   <li>{@link #CLASSIC}: a consumer group ({@code KafkaConsumer}); each partition belongs to one member at a time,
 *       offsets are committed per partition, order within a partition is kept.</li>
 *   <li>{@link #SHARE}: a share group ({@code KafkaShareConsumer}, KIP-932, Kafka >= 4.2); members take records from
 *       the same partition cooperatively, each record acquired under a time-limited lock, acknowledged on its own
 *       (ACCEPT, RELEASE, REJECT) and redelivered when released or when its lock expires; no order.</li>
 * </ul>
 */
public enum GroupType {
    CLASSIC("classic", "consumer group"),
    SHARE("share", "share group");

    private final String label;
    private final String term;

    GroupType(String label, String term) {
        this.label = label;
        this.term = term;
    }

    /** The CLI's spelling: {@code classic} or {@code share}. */
    public String label() {
        return label;
    }

    /** Kafka's term: "consumer group" or "share group". */
    public String term() {
        return term;
    }

    /**
     * Parses the CLI's spelling, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static GroupType parse(String text) {
        return Choices.find(values(), GroupType::label, text).orElseThrow(() -> new IllegalArgumentException(
                "group type must be one of " + allowedNames() + " but got '" + text + "'"));
    }

    public static String allowedNames() {
        return Choices.names(values(), GroupType::label);
    }
}
