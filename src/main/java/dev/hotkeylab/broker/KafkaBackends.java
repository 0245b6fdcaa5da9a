package dev.hotkeylab.broker;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * The selection rule: an external cluster when a bootstrap address is configured, else a Testcontainers broker when
 * Docker is available, else an embedded KRaft broker in this JVM. A forced kind ({@code --backend},
 * {@code HOTKEY_BACKEND}, {@code -Dhotkey.backend}) wins. One plain line says what was chosen and why.
 */
public final class KafkaBackends {

    private KafkaBackends() {
    }

    /** A decision and its reason, before anything is started. */
    public record Selection(BackendKind kind, String reason) {
    }

    /** Decides, asking Docker only when it matters. */
    public static Selection select(BackendChoice choice, BooleanSupplier dockerAvailable) {
        if (choice.forced().isPresent()) {
            BackendKind kind = choice.forced().get();
            return new Selection(kind, "forced by hotkey.backend/HOTKEY_BACKEND/--backend=" + kind.label());
        }
        if (choice.bootstrap().isPresent()) {
            return new Selection(BackendKind.EXTERNAL, "bootstrap address " + choice.bootstrap().get() + " configured");
        }
        if (choice.brokers() == 1 && dockerAvailable.getAsBoolean()) {
            return new Selection(BackendKind.CONTAINER, "no bootstrap address configured and Docker is available");
        }
        return new Selection(BackendKind.EMBEDDED, choice.brokers() > 1
                ? choice.brokers() + " brokers asked for; the container backend runs one"
                : "no bootstrap address configured and Docker is not available");
    }

    /** Selects and starts a backend, printing one line about the choice to {@code log}. */
    public static KafkaBackend open(BackendChoice choice, PrintWriter log) {
        Selection selection = select(choice, KafkaBackends::dockerAvailable);
        KafkaBackend backend = start(selection.kind(), choice);
        log.println("Kafka backend: " + backend + " (" + selection.reason() + ")");
        log.flush();
        return backend;
    }

    /** Starts a backend of the given kind. */
    public static KafkaBackend start(BackendKind kind, BackendChoice choice) {
        return start(kind, choice, KafkaBackends::dockerAvailable);
    }

    /**
     * @throws IllegalArgumentException for the container backend where Docker does not run (checked before
     *                                  Testcontainers tries, so the answer is what to do, not "see logs")
     */
    static KafkaBackend start(BackendKind kind, BackendChoice choice, BooleanSupplier dockerAvailable) {
        return switch (kind) {
            case EXTERNAL -> ExternalKafka.connect(choice.bootstrap().orElseThrow(() -> new IllegalArgumentException(
                    "backend 'external' needs a bootstrap address (--bootstrap or HOTKEY_BOOTSTRAP)")));
            case CONTAINER -> {
                if (choice.brokers() != 1) {
                    throw new IllegalArgumentException("the container backend runs 1 broker but " + choice.brokers()
                            + " were asked for; use the embedded backend for a multi-broker cluster");
                }
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalArgumentException("the container backend needs Docker, which does not answer "
                            + "here: start Docker, or choose the embedded backend (--backend embedded)");
                }
                yield ContainerKafka.start();
            }
            case EMBEDDED -> EmbeddedKafka.start(choice.brokers());
        };
    }

    /** Testcontainers' own check (about 0.2 s where no Docker runs); false on any error. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
