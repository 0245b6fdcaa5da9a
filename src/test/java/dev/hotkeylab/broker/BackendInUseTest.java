package dev.hotkeylab.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.junit.KafkaTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Which backend the broker tests really used. Where Docker runs and nothing forces another backend (as on GitHub
 * Actions) it must be the Testcontainers container, the one the README promises; this test fails, rather than skips,
 * when Docker is there and the container was not chosen. (GitHub's workflow checks that Docker runs before the tests.)
 */
@KafkaTest
@DisplayName("The backend in use: the Testcontainers container wherever Docker runs")
class BackendInUseTest {

    @Test
    @DisplayName("Docker available and nothing forced → container; no Docker → embedded")
    void containerWhereDockerRuns(KafkaBackend kafka, TestReporter reporter) {
        boolean docker = KafkaBackends.dockerAvailable();
        BackendChoice environment = BackendChoice.fromEnvironment(1);
        Figures.of(reporter).put("backend", kafka.toString()).put("dockerAvailable", docker)
                .put("forced", environment.forced().map(BackendKind::label).orElse("no"))
                .put("bootstrapConfigured", environment.bootstrap().isPresent());

        BackendKind expected = environment.bootstrap().isPresent() || environment.forced().isPresent()
                ? KafkaBackends.select(environment, () -> docker).kind()
                : docker ? BackendKind.CONTAINER : BackendKind.EMBEDDED;
        assertThat(kafka.kind()).as("backend of a @KafkaTest class (Docker %s)", docker ? "available" : "absent")
                .isEqualTo(expected);
    }
}
