package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.keys.Strategy;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Strategy options are typed: every command's --help lists every Strategy constant")
class StrategyOptionsTest {

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"run", "produce", "bench", "whatif"})
    @DisplayName("lists each strategy of the enum, and no empty list")
    void helpListsEveryStrategy(String command) {
        CliRunner.Outcome o = CliRunner.run(command, "--help");

        assertThat(o.exitCode()).isZero();
        String help = o.out().replaceAll("\\s+", " ");
        assertThat(Strategy.values()).allSatisfy(s -> assertThat(help).contains(s.name()));
        assertThat(help).contains(String.join(", ", Arrays.stream(Strategy.values()).map(Enum::name).toList()))
                .doesNotContain("all: )");
    }
}
