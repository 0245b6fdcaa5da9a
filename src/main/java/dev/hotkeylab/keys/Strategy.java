package dev.hotkeylab.keys;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The key strategies the experiments compare. Adding one is a class plus a constant here. */
public enum Strategy {

    /** key = concert id: the hot key. */
    FIXED_KEY("key = concert id", ctx -> new FixedKey()),

    /** The seed's salting: concert id + "_" + random(0..B-1), B = partitions by default. */
    RANDOM_SALT("concert id + \"_\" + random(0..B-1)", ctx -> new RandomSalt(ctx.saltBuckets(), ctx.random())),

    /** One searched suffix per partition, round robin: an exact spread for any key and partition count. */
    PARTITION_AWARE_SALT("concert id + searched suffix per partition, round robin",
            ctx -> new PartitionAwareSalt(ctx.partitions())),

    /** The partition-aware suffix picked by the user id: the concert spreads, each user's order is kept. */
    ENTITY_SALT("concert id + partition-aware suffix chosen by user id", ctx -> new EntitySalt(ctx.partitions()));

    private final String description;
    private final Function<StrategyContext, KeyStrategy> factory;

    Strategy(String description, Function<StrategyContext, KeyStrategy> factory) {
        this.description = description;
        this.factory = factory;
    }

    public String description() {
        return description;
    }

    /** A fresh key strategy for one run. */
    public KeyStrategy create(StrategyContext context) {
        return factory.apply(context);
    }

    /** Parses a name case-insensitively ({@code fixed_key}, {@code FIXED-KEY}); the error lists what is allowed. */
    public static Strategy parse(String name) {
        String normalized = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Strategy s : values()) {
            if (s.name().equals(normalized)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "'; allowed: " + allowedNames());
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
