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
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link KafkaTest}'s own contract, checked by running small test classes through the Jupiter engine
 * ({@link EngineTestKit}) and reading the events, as JUnit tests its own extensions. The small classes are in
 * {@code KafkaTestFixtures.java}, named so that Surefire does not run them on their own.
 */
@KafkaTest(backend = "embedded")
@DisplayName("@KafkaTest's contract, run through the Jupiter engine")
class KafkaTestContractTest {

    @Test
    @DisplayName("one backend per class, shared with its nested class, and closed after the class although a test failed")
    void oneBackendSharedAndClosed() {
        KafkaTestFixtures.SEEN.clear();
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SharedBackendFixture.class)).execute()
                .testEvents();

        tests.assertStatistics(s -> s.started(4).succeeded(3).failed(1));
        assertThat(KafkaTestFixtures.SEEN).hasSize(4);
        assertThat(KafkaTestFixtures.SEEN).as("the same backend for both tests, the failing one and the nested class's")
                .allSatisfy(b -> assertThat(b).isSameAs(KafkaTestFixtures.SEEN.get(0)));
        String[] hostPort = KafkaTestFixtures.SEEN.get(0).bootstrapServers().split(",")[0].split(":");
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
            }
        }).as("nothing listens at %s after the class", KafkaTestFixtures.SEEN.get(0).bootstrapServers())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    @DisplayName("without @KafkaTest the extension fails the class with a message naming the annotation")
    void clearErrorWithoutTheAnnotation() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(WithoutAnnotationFixture.class)).execute()
                .containerEvents()
                .assertThatEvents().haveExactly(1, event(container(WithoutAnnotationFixture.class.getSimpleName()),
                        finishedWithFailure(instanceOf(IllegalStateException.class),
                                message(m -> m.startsWith("KafkaBackendExtension needs @KafkaTest on")))));
    }

    @Test
    @DisplayName("a backend parameter in a class without the extension is refused, naming the type")
    void parameterWithoutTheExtension() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoExtensionFixture.class)).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(
                        message(m -> m.contains(KafkaBackend.class.getName())))));
    }
}
