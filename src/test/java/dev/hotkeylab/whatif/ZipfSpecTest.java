package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Zipf key-count spec: parsing and bad values")
class ZipfSpecTest {

    @Test
    void parsesWithAndWithoutTotal() {
        assertThat(ZipfSpec.parse("zipf:1.2:1000:50000")).isEqualTo(new ZipfSpec(1.2, 1000, 50_000));
        assertThat(ZipfSpec.parse("zipf:0:10")).isEqualTo(new ZipfSpec(0, 10, 10 * ZipfSpec.DEFAULT_RECORDS_PER_KEY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "zipf:1.0|bad key spec 'zipf:1.0'; expected zipf:S:COUNT[:TOTAL]",
            "zipfy:1:10|bad key spec 'zipfy:1:10'; expected zipf:S:COUNT[:TOTAL]",
            "zipf:x:10|bad key spec 'zipf:x:10': S 'x' is not a number",
            "zipf:-1:10|bad key spec 'zipf:-1:10': zipf exponent S must be a finite number >= 0 but got -1.0",
            "zipf:1:0|bad key spec 'zipf:1:0': zipf COUNT (distinct keys) must be in [1, 20000000] but got 0",
            "zipf:1:ten|bad key spec 'zipf:1:ten': COUNT 'ten' is not a whole number",
            "zipf:1:10:0|bad key spec 'zipf:1:10:0': zipf TOTAL (records) must be >= 1 but got 0",
            "zipf:1:10:1:2|bad key spec 'zipf:1:10:1:2'; expected zipf:S:COUNT[:TOTAL]"})
    void badSpecsNameTheSpecAndThePart(String spec, String messageStart) {
        assertThatThrownBy(() -> ZipfSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(messageStart);
    }
}
