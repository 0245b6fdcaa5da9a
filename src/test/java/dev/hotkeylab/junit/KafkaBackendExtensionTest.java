package dev.hotkeylab.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One backend per annotated class, shared with nested classes, handed to methods as a parameter. */
@KafkaTest
@org.junit.jupiter.api.DisplayName("@KafkaTest: one backend per class, shared with nested classes")
class KafkaBackendExtensionTest {

    static KafkaBackend outer;

    @BeforeAll
    static void remember(KafkaBackend kafka) {
        outer = kafka;
    }

    @Test
    void resolvesTheSameBackendForEveryMethod(KafkaBackend kafka) {
        assertThat(kafka).isSameAs(outer);
    }

    @Nested
    class NestedTests {
        @Test
        void sharesTheEnclosingClassesBackend(KafkaBackend kafka) {
            assertThat(kafka).isSameAs(outer);
            assertThat(kafka.bootstrapServers()).isNotBlank();
        }
    }
}
