package dev.hotkeylab.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Backend choice: external, container or embedded, and bad addresses")
class KafkaBackendsTest {

    @Test
    void externalWinsWhenABootstrapIsConfigured() {
        var s = KafkaBackends.select(new BackendChoice(Optional.of("kafka:9092"), Optional.empty(), 1), () -> true);
        assertThat(s.kind()).isEqualTo(BackendKind.EXTERNAL);
        assertThat(s.reason()).contains("kafka:9092");
    }

    @Test
    void containerWhenDockerRunsElseEmbedded() {
        BackendChoice none = new BackendChoice(Optional.empty(), Optional.empty(), 1);
        assertThat(KafkaBackends.select(none, () -> true).kind()).isEqualTo(BackendKind.CONTAINER);
        assertThat(KafkaBackends.select(none, () -> false).kind()).isEqualTo(BackendKind.EMBEDDED);
        assertThat(KafkaBackends.select(none, () -> false).reason()).contains("Docker is not available");
    }

    @Test
    void severalBrokersMeanEmbeddedEvenWithDocker() {
        var s = KafkaBackends.select(new BackendChoice(Optional.empty(), Optional.empty(), 3), () -> true);
        assertThat(s.kind()).isEqualTo(BackendKind.EMBEDDED);
        // printed inside "Kafka backend: ... (REASON)": no brackets of its own
        assertThat(s.reason()).isEqualTo("3 brokers asked for; the container backend runs one");
    }

    @Test
    void aForcedKindWins() {
        var s = KafkaBackends.select(new BackendChoice(Optional.of("kafka:9092"), Optional.of(BackendKind.EMBEDDED), 1),
                () -> true);
        assertThat(s.kind()).isEqualTo(BackendKind.EMBEDDED);
        assertThat(s.reason()).startsWith("forced");
    }

    @Test
    void theContainerBackendWithoutDockerSaysWhatToDo() {
        BackendChoice container = new BackendChoice(Optional.empty(), Optional.of(BackendKind.CONTAINER), 1);
        assertThatThrownBy(() -> KafkaBackends.start(BackendKind.CONTAINER, container, () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the container backend needs Docker, which does not answer here: start Docker, or choose "
                        + "the embedded backend (--backend embedded)");
    }

    @Test
    void badChoicesAreNamed() {
        assertThatThrownBy(() -> BackendKind.parse("docker"))
                .hasMessage("unknown backend 'docker'; allowed: external, container, embedded");
        assertThatThrownBy(() -> new BackendChoice(Optional.empty(), Optional.of(BackendKind.EXTERNAL), 1))
                .hasMessageContaining("needs a bootstrap address");
        assertThatThrownBy(() -> new BackendChoice(Optional.empty(), Optional.empty(), 0))
                .hasMessage("brokers must be >= 1 but got 0");
    }

    @Test
    void malformedBootstrapIsRejectedAtOnce() {
        assertThatThrownBy(() -> ExternalKafka.connect("localhost")).hasMessage(
                "bootstrap address must be host:port[,host:port...] but got 'localhost'");
        assertThatThrownBy(() -> ExternalKafka.connect("host:99999")).hasMessageContaining("'host:99999'");
    }

    @Test
    void anAddressNobodyAnswersIsAnErrorWithinFifteenSeconds() {
        assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
                assertThatThrownBy(() -> ExternalKafka.connect("127.0.0.1:1"))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("no Kafka cluster answered at bootstrap '127.0.0.1:1'"));
    }
}
