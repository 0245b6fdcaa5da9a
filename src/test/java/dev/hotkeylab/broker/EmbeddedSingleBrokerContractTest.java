package dev.hotkeylab.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.junit.KafkaTest;
import org.junit.jupiter.api.Test;

@KafkaTest(backend = "embedded")
class EmbeddedSingleBrokerContractTest extends AbstractKafkaContractTest {

    @Test
    void isOneEmbeddedBroker(EmbeddedKafka kafka) {
        assertThat(kafka.kind()).isEqualTo(BackendKind.EMBEDDED);
        assertThat(kafka.cluster().brokers()).hasSize(1);
        assertThat(kafka.bootstrapServers()).matches("[\\w.-]+:\\d+");
    }
}
