package dev.hotkeylab.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StrategyTest {

    @Test
    void parsesNamesLeniently() {
        assertThat(Strategy.parse("fixed_key")).isEqualTo(Strategy.FIXED_KEY);
        assertThat(Strategy.parse(" partition-aware-salt ")).isEqualTo(Strategy.PARTITION_AWARE_SALT);
    }

    @Test
    void unknownStrategyListsWhatIsAllowed() {
        assertThatThrownBy(() -> Strategy.parse("ROUND_ROBIN"))
                .hasMessage("unknown strategy 'ROUND_ROBIN'; allowed: " + Strategy.allowedNames());
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void sameSeedSameKeys(Strategy strategy) {
        assertThat(keys(strategy, 42)).isEqualTo(keys(strategy, 42));
    }

    @Test
    void randomSaltUsesTheSeedsSuffixes() {
        assertThat(keys(Strategy.RANDOM_SALT, 42)).allMatch(k -> k.matches("SUPER_STAR_CONCERT_2026_[012]"))
                .contains("SUPER_STAR_CONCERT_2026_0", "SUPER_STAR_CONCERT_2026_1", "SUPER_STAR_CONCERT_2026_2");
        assertThat(keys(Strategy.RANDOM_SALT, 42)).isNotEqualTo(keys(Strategy.RANDOM_SALT, 43));
    }

    @Test
    void fixedKeyIsTheConcert() {
        assertThat(keys(Strategy.FIXED_KEY, 1)).containsOnly("SUPER_STAR_CONCERT_2026");
    }

    private static List<String> keys(Strategy strategy, long seed) {
        KeyStrategy keys = strategy.create(StrategyContext.of(3, seed));
        return IntStream.range(0, 300).mapToObj(i -> keys.keyFor("SUPER_STAR_CONCERT_2026", "user-" + i % 7, i))
                .toList();
    }
}
