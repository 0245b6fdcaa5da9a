package dev.hotkeylab.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.junit.KafkaTest;
import org.junit.jupiter.api.Test;

@KafkaTest(backend = "embedded", brokers = 3)
@org.junit.jupiter.api.DisplayName("Round trip on the embedded backend, 3 brokers")
class EmbeddedThreeBrokerContractTest extends AbstractKafkaContractTest {

    @Test
    void isThreeEmbeddedBrokers(EmbeddedKafka kafka) {
        assertThat(kafka.brokers()).isEqualTo(3);
        assertThat(kafka.cluster().brokers()).hasSize(3);
    }
}
