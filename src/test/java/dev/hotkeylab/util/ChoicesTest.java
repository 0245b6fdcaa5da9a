package dev.hotkeylab.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Choices: how a user names a constant of a closed set")
class ChoicesTest {

    enum Colour { DEEP_RED, BLUE }

    private static final Function<Colour, String> LABEL = c -> c.name().toLowerCase().replace('_', '-');

    @ParameterizedTest(name = "''{0}'' finds {1}")
    @CsvSource(delimiter = '|', value = {
        "deep-red   | DEEP_RED",
        "DEEP_RED   | DEEP_RED",
        "'  Deep_red ' | DEEP_RED",
        "blue       | BLUE",
        "red        | ''",
        "deepred    | ''",
        "''         | ''"})
    @DisplayName("case, blanks around and - or _ do not matter; anything else finds nothing")
    void finds(String text, String expected) {
        assertThat(Choices.find(Colour.values(), LABEL, text).map(Enum::name).orElse("")).isEqualTo(expected);
    }

    @Test
    @DisplayName("null finds nothing, and the allowed names are listed in declaration order")
    void nullAndNames() {
        assertThat(Choices.find(Colour.values(), LABEL, null)).isEmpty();
        assertThat(Choices.names(Colour.values(), LABEL)).isEqualTo("deep-red, blue");
    }
}
