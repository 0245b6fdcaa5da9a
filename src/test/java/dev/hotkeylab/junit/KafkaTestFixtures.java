package dev.hotkeylab.junit;

import dev.hotkeylab.broker.KafkaBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Small test classes that {@link KafkaTestContractTest} runs through the Jupiter engine: top-level classes (so the
 * extension's search for an enclosing {@code @KafkaTest} finds none) whose names Surefire does not pick up.
 */
final class KafkaTestFixtures {

    /** Every backend the fixtures' tests were handed, in order. */
    static final List<KafkaBackend> SEEN = new CopyOnWriteArrayList<>();

    private KafkaTestFixtures() {
    }
}

/** Two tests, a failing one and a nested class, all on one backend. */
@KafkaTest(backend = "embedded")
class SharedBackendFixture {

    @Test
    void first(KafkaBackend kafka) {
        KafkaTestFixtures.SEEN.add(kafka);
    }

    @Test
    void second(KafkaBackend kafka) {
        KafkaTestFixtures.SEEN.add(kafka);
    }

    @Test
    void failing(KafkaBackend kafka) {
        KafkaTestFixtures.SEEN.add(kafka);
        throw new AssertionError("this test fails on purpose: the backend must still be closed");
    }

    @Nested
    class Inner {
        @Test
        void nested(KafkaBackend kafka) {
            KafkaTestFixtures.SEEN.add(kafka);
        }
    }
}

/** The extension without the annotation that configures it. */
@ExtendWith(KafkaBackendExtension.class)
class WithoutAnnotationFixture {
    @Test
    void needsABackend(KafkaBackend kafka) {
    }
}

/** A backend parameter with no extension to resolve it. */
class NoExtensionFixture {
    @Test
    void needsABackend(KafkaBackend kafka) {
    }
}
