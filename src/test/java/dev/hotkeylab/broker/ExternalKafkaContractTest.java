package dev.hotkeylab.broker;

import dev.hotkeylab.junit.KafkaTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Runs against a user's cluster when HOTKEY_BOOTSTRAP names one: {@code HOTKEY_BOOTSTRAP=host:9092 mvn test}. */
@EnabledIfEnvironmentVariable(named = "HOTKEY_BOOTSTRAP", matches = ".+",
        disabledReason = "HOTKEY_BOOTSTRAP is not set, so there is no external cluster to test")
@KafkaTest(backend = "external")
@org.junit.jupiter.api.DisplayName("Round trip on an external cluster (HOTKEY_BOOTSTRAP)")
class ExternalKafkaContractTest extends AbstractKafkaContractTest {
}
