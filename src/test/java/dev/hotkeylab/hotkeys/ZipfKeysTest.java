package dev.hotkeylab.hotkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ZipfKeys: a seeded Zipf stream of keys")
class ZipfKeysTest {

    @Test
    @DisplayName("the same seed gives the same stream, another seed another one")
    void seeded() {
        assertThat(draw(42, 1000)).isEqualTo(draw(42, 1000)).isNotEqualTo(draw(43, 1000));
    }

    @ParameterizedTest(name = "s = {0}: the empirical frequency of the top 5 ranks matches r^-s / H within 0.5%")
    @ValueSource(doubles = {0.0, 0.8, 1.0, 1.2, 2.0})
    void followsZipf(double s) {
        ZipfKeys zipf = ZipfKeys.of("k", 10_000, s, new Random(7));
        int n = 400_000;
        long[] counts = new long[zipf.keys() + 1];
        for (int i = 0; i < n; i++) {
            counts[zipf.nextRank()]++;
        }
        double total = IntStream.rangeClosed(1, zipf.keys()).mapToDouble(zipf::probability).sum();
        assertThat(total).isCloseTo(1.0, within(1e-9));
        for (int r = 1; r <= 5; r++) {
            assertThat((double) counts[r] / n).as("rank %d", r).isCloseTo(zipf.probability(r), within(0.005));
        }
        assertThat(zipf.probability(1)).isGreaterThanOrEqualTo(zipf.probability(2));
    }

    @Test
    @DisplayName("named keys: the first name is rank 1")
    void namedKeys() {
        ZipfKeys zipf = ZipfKeys.of(List.of("HOT", "quiet-1", "quiet-2"), 2.0, new Random(1));
        assertThat(zipf.keyOf(1)).isEqualTo("HOT");
        assertThat(zipf.probability(1)).isCloseTo(1 / (1 + 0.25 + 1 / 9.0), within(1e-12));
        assertThat(IntStream.range(0, 1000).mapToObj(i -> zipf.next())).containsOnly("HOT", "quiet-1", "quiet-2");
    }

    @Test
    @DisplayName("bad input is one line naming the value")
    void badInput() {
        assertThatThrownBy(() -> ZipfKeys.of("k", 0, 1.0, new Random(1)))
                .hasMessage("keys must be in [1, 10000000] but got 0");
        assertThatThrownBy(() -> ZipfKeys.of("k", 10, -1, new Random(1)))
                .hasMessage("exponent must be in [0, 100] but got -1.0");
        assertThatThrownBy(() -> ZipfKeys.of("k", 10, Double.NaN, new Random(1)))
                .hasMessage("exponent must be in [0, 100] but got NaN");
        assertThatThrownBy(() -> ZipfKeys.of("k", 10, 1, null))
                .hasMessage("random must not be null: inject a seeded Random");
        assertThatThrownBy(() -> ZipfKeys.of("k", 10, 1, new Random(1)).keyOf(11))
                .hasMessage("rank must be in [1, 10] but got 11");
    }

    private static List<String> draw(long seed, int n) {
        ZipfKeys zipf = ZipfKeys.of("k", 1000, 1.0, new Random(seed));
        return IntStream.range(0, n).mapToObj(i -> zipf.next()).toList();
    }
}
