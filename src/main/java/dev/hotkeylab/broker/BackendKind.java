package dev.hotkeylab.broker;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three ways to get a Kafka cluster, in the order they are picked when none is forced. */
public enum BackendKind {
    /** A user's cluster at a bootstrap address ({@code --bootstrap} or {@code HOTKEY_BOOTSTRAP}). */
    EXTERNAL,
    /** Testcontainers' {@code org.testcontainers.kafka.KafkaContainer}, where Docker runs. */
    CONTAINER,
    /** A KRaft cluster inside this JVM (Kafka's own KafkaClusterTestKit); needs nothing but the JDK. */
    EMBEDDED;

    public static BackendKind parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (BackendKind k : values()) {
            if (k.name().equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "'; allowed: "
                + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
