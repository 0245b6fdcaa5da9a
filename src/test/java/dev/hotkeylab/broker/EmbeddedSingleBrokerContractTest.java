package dev.hotkeylab.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.junit.KafkaTest;
import org.junit.jupiter.api.Test;

@KafkaTest(backend = "embedded")
@org.junit.jupiter.api.DisplayName("Round trip on the embedded backend, 1 broker")
class EmbeddedSingleBrokerContractTest extends AbstractKafkaContractTest {

    @Test
    void isOneEmbeddedBroker(EmbeddedKafka kafka) {
        assertThat(kafka.kind()).isEqualTo(BackendKind.EMBEDDED);
        assertThat(kafka.cluster().brokers()).hasSize(1);
        assertThat(kafka.bootstrapServers()).matches("[\\w.-]+:\\d+");
    }
}
