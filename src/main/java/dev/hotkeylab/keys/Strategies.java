package dev.hotkeylab.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every known strategy by name: the {@link Strategy} constants, then any {@link StrategyType} registered as a
 * {@link ServiceLoader} provider (only the test sources register one; see {@link StrategyType}). A name that matches
 * none, e.g. from an old {@code results.json}, is {@link Optional#empty()}, and callers say how they treat it.
 */
public final class Strategies {

    private static final List<StrategyType> ALL = load();

    private Strategies() {
    }

    /** All strategies, the enum's in declaration order first. */
    public static List<StrategyType> all() {
        return ALL;
    }

    /** The strategy named exactly {@code name} (as in results), if any. */
    public static Optional<StrategyType> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The strategies of one kind, in {@link #all()}'s order. */
    public static List<StrategyType> ofKind(StrategyKind kind) {
        return ALL.stream().filter(s -> s.kind() == kind).toList();
    }

    private static List<StrategyType> load() {
        List<StrategyType> all = new ArrayList<>(Arrays.asList(Strategy.values()));
        for (StrategyType extra : ServiceLoader.load(StrategyType.class, Strategies.class.getClassLoader())) {
            if (all.stream().anyMatch(s -> s.name().equals(extra.name()))) {
                throw new IllegalStateException("strategy name '" + extra.name() + "' of " + extra.getClass().getName()
                        + " is taken; each strategy needs its own name");
            }
            all.add(extra);
        }
        return List.copyOf(all);
    }
}
