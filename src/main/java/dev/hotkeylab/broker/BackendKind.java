package dev.hotkeylab.broker;

import dev.hotkeylab.util.Choices;
import java.util.Locale;

/** The three ways to get a Kafka cluster, in the order they are picked when none is forced. */
public enum BackendKind {
    /** A user's cluster at a bootstrap address ({@code --bootstrap} or {@code HOTKEY_BOOTSTRAP}). */
    EXTERNAL,
    /** Testcontainers' {@code org.testcontainers.kafka.KafkaContainer}, where Docker runs. */
    CONTAINER,
    /** A KRaft cluster inside this JVM (Kafka's own KafkaClusterTestKit); needs nothing but the JDK. */
    EMBEDDED;

    public static BackendKind parse(String name) {
        return Choices.find(values(), BackendKind::label, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown backend '" + name + "'; allowed: " + Choices.names(values(), BackendKind::label)));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
