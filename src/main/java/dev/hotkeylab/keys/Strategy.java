package dev.hotkeylab.keys;

import dev.hotkeylab.util.Choices;
import dev.hotkeylab.keys.adaptive.AdaptiveHeaderInterceptor;
import dev.hotkeylab.keys.adaptive.AdaptivePartitioner;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The key strategies the commands offer. Each constant declares everything the rest of the code asks about it (the
 * shape of Kafka's test-kit {@code Type} enum, whose constants carry their behaviour): its {@link StrategyKind}, its
 * colour, its what-if {@link LoadModel}, its producer settings and how it makes keys. Adding a strategy is one
 * {@link KeyStrategy} class plus one constant here; {@code run}, {@code whatif}, {@code bench}, the report, the charts,
 * the claims and the dashboard read it from the constant ({@code StrategyTest} checks every constant has all of it).
 */
public enum Strategy implements StrategyType {

    /** key = concert id: the hot key. */
    FIXED_KEY(StrategyKind.BASELINE, "#D62728", LoadModel.KEY_HASH, "key = concert id", ctx -> new FixedKey()),

    /** The seed's salting: concert id + "_" + random(0..B-1), B = partitions by default. */
    RANDOM_SALT(StrategyKind.SALTED_KEY, "#FF7F0E", LoadModel.SALT_PER_RECORD,
            "concert id + \"_\" + random(0..B-1)", ctx -> new RandomSalt(ctx.saltBuckets(), ctx.random())),

    /** One searched suffix per partition, round robin: an exact spread for any key and partition count. */
    PARTITION_AWARE_SALT(StrategyKind.SALTED_KEY, "#2CA02C", LoadModel.SEARCHED_SALT_ROUND_ROBIN,
            "concert id + searched suffix per partition, round robin", ctx -> new PartitionAwareSalt(ctx.partitions())),

    /** The partition-aware suffix picked by the user id: the concert spreads, each user's order is kept. */
    ENTITY_SALT(StrategyKind.SALTED_KEY, "#1F77B4", LoadModel.SEARCHED_SALT_BY_ENTITY,
            "concert id + partition-aware suffix chosen by user id", ctx -> new EntitySalt(ctx.partitions())),

    /**
     * key = concert id, and the producer's {@link AdaptivePartitioner} spreads a concert only while it is hot: quiet
     * concerts keep their partition and their order. Needs {@link #producerOverrides()} in the producer config.
     */
    ADAPTIVE(StrategyKind.PARTITIONER, "#9467BD", LoadModel.HOT_KEYS_SPREAD,
            "concert id; AdaptivePartitioner spreads a concert only while it is hot", ctx -> new FixedKey(),
            Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, AdaptivePartitioner.class.getName(),
                    ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, AdaptiveHeaderInterceptor.class.getName()));

    private final StrategyKind kind;
    private final String colour;
    private final LoadModel loadModel;
    private final String description;
    private final Function<StrategyContext, KeyStrategy> factory;
    private final Map<String, Object> producerOverrides;

    Strategy(StrategyKind kind, String colour, LoadModel loadModel, String description,
            Function<StrategyContext, KeyStrategy> factory) {
        this(kind, colour, loadModel, description, factory, Map.of());
    }

    Strategy(StrategyKind kind, String colour, LoadModel loadModel, String description,
            Function<StrategyContext, KeyStrategy> factory, Map<String, Object> overrides) {
        this.kind = kind;
        this.colour = colour;
        this.loadModel = loadModel;
        this.description = description;
        this.factory = factory;
        this.producerOverrides = Map.copyOf(overrides);
    }

    @Override
    public StrategyKind kind() {
        return kind;
    }

    @Override
    public String colour() {
        return colour;
    }

    @Override
    public LoadModel loadModel() {
        return loadModel;
    }

    /**
     * The strategy as the dashboard's {@code GET /api/strategies} lists it: {@code name}, {@code description},
     * {@code kind} and {@code colour} ({@code #RRGGBB}), in that order.
     */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name());
        m.put("description", description);
        m.put("kind", kind.name());
        m.put("colour", colour);
        return m;
    }

    /**
     * What {@code bench} compares with FIXED_KEY unless told: every {@link StrategyKind#SALTED_KEY} strategy, in
     * {@link LoadModel} order (the searched, exact salts first, the seed's random salt last).
     */
    public static List<Strategy> benchDefault() {
        return Arrays.stream(values()).filter(s -> s.kind == StrategyKind.SALTED_KEY)
                .sorted(java.util.Comparator.comparing(Strategy::loadModel)).toList();
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * Producer settings this strategy needs on top of the run's own (empty for strategies that only choose keys).
     * A producer that already lists {@code interceptor.classes} must append to that list, not replace it.
     */
    public Map<String, Object> producerOverrides() {
        return producerOverrides;
    }

    /**
     * The one producer configuration for this strategy's traffic, used by every producer that sends it ({@code run},
     * {@code bench} and the dashboard's form through {@code ExperimentRunner}, {@code produce} through
     * {@code KeyedProducer}): {@code base} (bootstrap, client.id, serializers, acks, ...) plus
     * {@link #producerOverrides()}. A class already in {@code interceptor.classes} stays, this strategy's is appended.
     * When the strategy configures the {@link AdaptivePartitioner}, {@code adaptive}'s {@code hotkey.adaptive.*}
     * settings are added too; other strategies' producers get none.
     *
     * @param base     the caller's producer settings; not changed
     * @param adaptive the adaptive partitioner's settings ({@link AdaptivePartitionerConfig#defaults()} if unsure)
     * @return a new mutable map
     */
    public Map<String, Object> producerConfig(Map<String, ?> base, AdaptivePartitionerConfig adaptive) {
        if (adaptive == null) {
            throw new IllegalArgumentException("adaptive partitioner config must not be null");
        }
        Map<String, Object> config = new LinkedHashMap<>(base);
        producerOverrides.forEach((name, value) -> {
            Object existing = config.get(name);
            if (name.equals(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG) && existing != null
                    && !existing.toString().isBlank()) {
                config.put(name, existing + "," + value);
            } else {
                config.put(name, value);
            }
        });
        if (!keyDecidesPartition()) {
            config.putAll(adaptive.toProducerConfig());
        }
        return config;
    }

    /** Whether the default partitioner places this strategy's records, so a key alone predicts its partition. */
    public boolean keyDecidesPartition() {
        return !producerOverrides.containsKey(ProducerConfig.PARTITIONER_CLASS_CONFIG);
    }

    /** A fresh key strategy for one run. */
    @Override
    public KeyStrategy create(StrategyContext context) {
        return factory.apply(context);
    }

    /** Parses a name case-insensitively ({@code fixed_key}, {@code FIXED-KEY}); the error lists what is allowed. */
    public static Strategy parse(String name) {
        return Choices.find(values(), Enum::name, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown strategy '" + name + "'; allowed: " + allowedNames()));
    }

    public static String allowedNames() {
        return Choices.names(values(), Enum::name);
    }

    /** Every strategy's name, in declaration order: the choices a command line lists. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(Enum::name).iterator();
        }
    }
}
