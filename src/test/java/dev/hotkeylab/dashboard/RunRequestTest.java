package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.keys.Strategy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RunRequest: the dashboard form's parameters, checked before anything touches Kafka")
class RunRequestTest {

    @Test
    @DisplayName("only the strategy is required; the rest default to the seed's experiment")
    void defaults() {
        RunRequest r = RunRequest.fromParams(Map.of("strategy", "fixed-key"));

        assertThat(r.strategy()).isEqualTo(Strategy.FIXED_KEY);
        assertThat(r.key()).isEqualTo("SUPER_STAR_CONCERT_2026");
        assertThat(r.partitions()).isEqualTo(3);
        assertThat(r.messages()).isEqualTo(1000);
        assertThat(r.consumers()).isEqualTo(3);
        assertThat(r.serviceTimeMs()).isZero();
        assertThat(r.seed()).isEqualTo(42L);
    }

    @Test
    @DisplayName("params() round-trips through fromParams in display order")
    void roundTrip() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("strategy", "PARTITION_AWARE_SALT");
        in.put("key", "<img src=x onerror=alert(1)>");
        in.put("partitions", "7");
        in.put("messages", "12");
        in.put("consumers", "2");
        in.put("serviceTimeMs", "5");
        in.put("seed", "-3");
        in.put("groupType", "share");

        RunRequest r = RunRequest.fromParams(in);

        assertThat(r.params()).containsExactlyEntriesOf(in);
        assertThat(RunRequest.fromParams(r.params())).isEqualTo(r);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "partitions    | 0       | partitions must be >= 1 but got 0",
        "partitions    | 1001    | partitions must be <= 1000 but got 1001",
        "messages      | -5      | messages must be >= 1 but got -5",
        "messages      | abc     | messages must be an integer but got 'abc'",
        "consumers     | 0       | consumers must be >= 1 but got 0",
        "consumers     | 33      | consumers must be <= 32 but got 33",
        "serviceTimeMs | -1      | serviceTimeMs must be >= 0 but got -1",
        "serviceTimeMs | 1.5     | serviceTimeMs must be an integer but got '1.5'",
        "seed          | x       | seed must be an integer but got 'x'",
        "groupType     | queue   | groupType must be one of classic, share but got 'queue'",
        "colour        | red     | unknown parameter 'colour'; allowed: strategy, key, partitions, messages, consumers, serviceTimeMs, seed, groupType",
    })
    @DisplayName("a bad value is one line naming it and what is allowed")
    void badValue(String name, String value, String message) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strategy", "FIXED_KEY");
        params.put(name, value);

        assertThatThrownBy(() -> RunRequest.fromParams(params))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("a missing or unknown strategy lists the allowed ones")
    void missingOrUnknownStrategy() {
        assertThatThrownBy(() -> RunRequest.fromParams(Map.of("partitions", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy is required; allowed: " + Strategy.allowedNames());
        assertThatThrownBy(() -> RunRequest.fromParams(Map.of("strategy", "NOPE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown strategy 'NOPE'; allowed: " + Strategy.allowedNames());
    }

    @Test
    @DisplayName("a blank or over-long key is refused")
    void badKey() {
        assertThatThrownBy(() -> RunRequest.fromParams(Map.of("strategy", "FIXED_KEY", "key", "  ")))
                .hasMessage("key must be a non-blank string but got \"  \"");
        assertThatThrownBy(() -> RunRequest.fromParams(Map.of("strategy", "FIXED_KEY", "key", "k".repeat(201))))
                .hasMessage("key must be at most 200 characters but has 201");
    }
}
