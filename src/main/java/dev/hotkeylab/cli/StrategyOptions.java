package dev.hotkeylab.cli;

import dev.hotkeylab.keys.Strategy;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which strategies {@code run} and {@code whatif} compare (typed by the {@link Strategy} enum, every one by default),
 * and the settings of the two that take one: RANDOM_SALT's bucket count and ADAPTIVE's hot-key threshold.
 */
final class StrategyOptions {

    @Option(names = "--strategies", paramLabel = "S", split = ",", converter = StrategyConverter.class,
            completionCandidates = Strategy.Names.class,
            description = "Strategies to compare, from ${COMPLETION-CANDIDATES} (default: all).")
    List<Strategy> strategies;

    @Option(names = "--salt-buckets", paramLabel = "B", description = "Salt buckets B for RANDOM_SALT (default: the partition count).")
    Integer saltBuckets;

    @Option(names = "--adaptive-threshold", paramLabel = "SHARE",
            description = "ADAPTIVE: a key's share of the traffic that makes it hot, in (0, 1] (default: the "
                    + "partitioner's own, 0.2).")
    Double adaptiveThreshold;

    /** The strategies given, each once in the order given; all of them when none is given. */
    List<Strategy> chosen() {
        return strategies == null || strategies.isEmpty() ? Arrays.asList(Strategy.values())
                : strategies.stream().distinct().toList();
    }
}
