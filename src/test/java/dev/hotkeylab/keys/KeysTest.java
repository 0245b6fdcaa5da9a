package dev.hotkeylab.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Keys: one rule for blank keys, control characters escaped for display, shell quoting that round-trips")
class KeysTest {

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", " ", "\t\n", "\u2003"})
    void blankKeysRefused(String key) {
        assertThatThrownBy(() -> Keys.requireValid(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key must be a non-blank string but got \"").hasMessageNotContaining("\n");
    }

    @Test
    @DisplayName("ESC, BEL and line breaks are shown as escapes; printable text is unchanged")
    void escaped() {
        assertThat(Keys.escaped("A\u001B[2JB\u0007C\nD")).isEqualTo("A\\u001B[2JB\\u0007C\\nD");
        assertThat(Keys.escaped("SUPER_STAR_CONCERT_2026")).isEqualTo("SUPER_STAR_CONCERT_2026");
        assertThat(Keys.escaped("Konzert-Köln-東京")).isEqualTo("Konzert-Köln-東京");
        assertThat(Keys.escaped("\u009B31m")).isEqualTo("\\u009B31m");
    }

    @ParameterizedTest(name = "bash reads back {0}")
    @ValueSource(strings = {"x; rm -rf ~", "it's $HOME `id` \"q\"", "tab\there", "esc\u001B[31mred\u0007", "plain_KEY-1",
            "back\\slash'quote", "Köln 東京"})
    void shellQuotedRoundTrips(String value) throws Exception {
        String quoted = Keys.shellQuoted(value);
        assertThat(quoted.chars().noneMatch(c -> c < 0x20 || c == 0x7F)).as("no raw control byte in " + quoted).isTrue();
        Process bash = new ProcessBuilder("bash", "-c", "printf '%s' " + quoted).redirectErrorStream(true).start();
        String back = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).isZero();
        assertThat(back).isEqualTo(value);
    }
}
