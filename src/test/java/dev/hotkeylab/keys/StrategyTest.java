package dev.hotkeylab.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@org.junit.jupiter.api.DisplayName("Key strategies: names, keys and the seed")
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

    /** The strategies whose keys depend on the seed; the others must give the same keys for any seed. */
    private static final java.util.Set<Strategy> SEEDED = java.util.EnumSet.of(Strategy.RANDOM_SALT);

    @ParameterizedTest(name = "{0}: the same seed gives the same keys, another seed {1}")
    @MethodSource("seedUse")
    void sameSeedSameKeys(Strategy strategy, String otherSeed) {
        assertThat(keys(strategy, 42)).isEqualTo(keys(strategy, 42));
        if (SEEDED.contains(strategy)) {
            assertThat(keys(strategy, 43)).as("a seeded strategy under another seed").isNotEqualTo(keys(strategy, 42));
        } else {
            assertThat(keys(strategy, 43)).as("a strategy that ignores the seed").isEqualTo(keys(strategy, 42));
            assertThat(keys(strategy, 7)).isEqualTo(keys(strategy, 42));
        }
    }

    static java.util.stream.Stream<Arguments> seedUse() {
        return java.util.Arrays.stream(Strategy.values()).map(s -> Arguments.of(s,
                SEEDED.contains(s) ? "other keys" : "the same keys (the seed is not used)"));
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
