package dev.hotkeylab.broker;

import dev.hotkeylab.junit.KafkaTest;
import org.junit.jupiter.api.condition.EnabledIf;

/** Runs where Docker does (GitHub Actions); skipped, with the reason in the report, where it does not. */
@EnabledIf(value = "dev.hotkeylab.broker.KafkaBackends#dockerAvailable",
        disabledReason = "Docker is not available here, so the container backend cannot start")
@KafkaTest(backend = "container")
@org.junit.jupiter.api.DisplayName("Round trip on the Testcontainers backend (where Docker runs)")
class ContainerKafkaContractTest extends AbstractKafkaContractTest {
}
