package dev.hotkeylab.cli;

import dev.hotkeylab.keys.Strategy;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --strategies} of {@code run} and {@code whatif}: typed by the {@link Strategy} enum, every one by default. */
final class StrategiesOption {

    @Option(names = "--strategies", paramLabel = "S", split = ",", converter = StrategyConverter.class,
            completionCandidates = Strategy.Names.class,
            description = "Strategies to compare, from ${COMPLETION-CANDIDATES} (default: all).")
    List<Strategy> strategies;

    /** The strategies given, each once in the order given; all of them when none is given. */
    List<Strategy> chosen() {
        return strategies == null || strategies.isEmpty() ? Arrays.asList(Strategy.values())
                : strategies.stream().distinct().toList();
    }
}
