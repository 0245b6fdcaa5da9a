package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Failure messages name the component and the real cause, never null")
class FailureMessagesTest {

    @Test
    @DisplayName("an exception without a message is named by its type and its cause's message")
    void noNull() {
        assertThat(ExperimentRunner.reason(new TimeoutException())).isEqualTo("TimeoutException");
        assertThat(ExperimentRunner.reason(new ExecutionException(null, new IllegalStateException("broker 1 gone"))))
                .isEqualTo("ExecutionException: broker 1 gone");
        assertThat(ExperimentRunner.reason(new RuntimeException("first line\nsecond line"))).isEqualTo("first line");
    }

    @Test
    @DisplayName("a consumer's failure is reported as the consumer's, a producer's as producing")
    void component() {
        var commitTimeout = new org.apache.kafka.common.errors.TimeoutException(
                "Timeout of 60000ms expired before successfully committing offsets");
        assertThat(ExperimentRunner.failureMessage("t", "b:9092", "t-group-c1", commitTimeout))
                .isEqualTo("consumer t-group-c1 of t on b:9092 failed: Timeout of 60000ms expired before successfully committing offsets");
        assertThat(ExperimentRunner.failureMessage("t", "b:9092", "producer", commitTimeout))
                .startsWith("producing to t on b:9092 failed: ");
    }
}
