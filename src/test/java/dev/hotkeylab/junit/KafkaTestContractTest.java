package dev.hotkeylab.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.hotkeylab.broker.KafkaBackend;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link KafkaTest}'s own contract, checked by running small test classes through the Jupiter engine
 * ({@link EngineTestKit}) and reading the events, as JUnit tests its own extensions. The small classes are static
 * nested classes without {@code @Nested}, so neither Surefire nor the engine runs them on their own.
 */
@KafkaTest(backend = "embedded")
@DisplayName("@KafkaTest's contract, run through the Jupiter engine")
class KafkaTestContractTest {

    /** Every backend the fixture's tests were handed, in order. */
    static final List<KafkaBackend> SEEN = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("one backend per class, shared with its nested class, and closed after the class although a test failed")
    void oneBackendSharedAndClosed() {
        SEEN.clear();
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SharedBackend.class)).execute()
                .testEvents();

        tests.assertStatistics(s -> s.started(4).succeeded(3).failed(1));
        assertThat(SEEN).hasSize(4);
        assertThat(SEEN).as("the same backend for both tests, the failing one and the nested class's")
                .allSatisfy(b -> assertThat(b).isSameAs(SEEN.get(0)));
        String[] hostPort = SEEN.get(0).bootstrapServers().split(",")[0].split(":");
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
            }
        }).as("nothing listens at %s after the class", SEEN.get(0).bootstrapServers())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    @DisplayName("without @KafkaTest the extension fails the class with a message naming the annotation")
    void clearErrorWithoutTheAnnotation() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(WithoutAnnotation.class)).execute()
                .containerEvents()
                .assertThatEvents().haveExactly(1, event(container(WithoutAnnotation.class.getSimpleName()),
                        finishedWithFailure(instanceOf(IllegalStateException.class),
                                message(m -> m.startsWith("KafkaBackendExtension needs @KafkaTest on")))));
    }

    @Test
    @DisplayName("a backend parameter in a class without the extension is refused, naming the type")
    void parameterWithoutTheExtension() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoExtension.class)).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(
                        message(m -> m.contains(KafkaBackend.class.getName())))));
    }

    @KafkaTest(backend = "embedded")
    static class SharedBackend {

        @Test
        void first(KafkaBackend kafka) {
            SEEN.add(kafka);
        }

        @Test
        void second(KafkaBackend kafka) {
            SEEN.add(kafka);
        }

        @Test
        void failing(KafkaBackend kafka) {
            SEEN.add(kafka);
            throw new AssertionError("this test fails on purpose: the backend must still be closed");
        }

        @Nested
        class Inner {
            @Test
            void nested(KafkaBackend kafka) throws IOException {
                SEEN.add(kafka);
            }
        }
    }

    @ExtendWith(KafkaBackendExtension.class)
    static class WithoutAnnotation {
        @Test
        void needsABackend(KafkaBackend kafka) {
        }
    }

    static class NoExtension {
        @Test
        void needsABackend(KafkaBackend kafka) {
        }
    }
}
