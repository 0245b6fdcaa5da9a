package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

@DisplayName("Durations on the command line: units, bare seconds, ISO-8601")
class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void aBareNumberIsSeconds() {
        assertThat(converter.convert("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void whatIsNotADurationSaysWhatIsAllowed() {
        assertThatThrownBy(() -> converter.convert("30x")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'30x' is not a duration; allowed: e.g. 500ms, 30s (or 30), 5m, 1h or PT30S");
        assertThatThrownBy(() -> converter.convert("0")).hasMessage("'0' must be a positive duration");
    }

    @Test
    void scanTakesBareSecondsForItsTimeout() {
        CliRunner.Outcome o = CliRunner.run("scan", "--bootstrap", "127.0.0.1:1", "--topic", "t", "--timeout", "1",
                "--out", "target/duration-converter-test/scan");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("scan: cannot reach Kafka at 127.0.0.1:1 within 1 s");
    }
}
