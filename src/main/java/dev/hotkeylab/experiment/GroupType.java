package dev.hotkeylab.experiment;

import dev.hotkeylab.util.Choices;
import java.util.Locale;

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
    CLASSIC("consumer group"),
    SHARE("share group");

    private final String term;

    GroupType(String term) {
        this.term = term;
    }

    /** The CLI's spelling, the constant's name in lower case: {@code classic} or {@code share}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
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
