package dev.hotkeylab.keys.adaptive;

import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.hotkeys.HeavyHitterConfig.WindowUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link AdaptivePartitioner}, read from the producer's own configuration (the {@code hotkey.adaptive.*}
 * keys below) with Kafka's {@link ConfigDef}, so a bad value fails the producer's construction with one line such as
 * {@code Invalid value 0 for configuration hotkey.adaptive.top.k: must be >= 1}.
 *
 * @param detector         how hot keys are found
 * @param spreadPartitions over how many partitions a hot key is spread: 0 means all of the topic's partitions
 * @param cooldownMillis   how long a key stays spread after it was last seen hot (hysteresis against flapping)
 */
public record AdaptivePartitionerConfig(HeavyHitterConfig detector, int spreadPartitions, long cooldownMillis) {

    /** Share of the window's records that makes a key hot, in (0, 1]. Default 0.2. */
    public static final String THRESHOLD = "hotkey.adaptive.threshold";
    /** Keys tracked by the detector (Space-Saving's K), at least 1/threshold. Default 32. */
    public static final String TOP_K = "hotkey.adaptive.top.k";
    /** Sliding window of the detector in milliseconds. Default 10000. */
    public static final String WINDOW_MS = "hotkey.adaptive.window.ms";
    /** A window counted in records instead (deterministic for tests and experiments); 0 = use window.ms. Default 0. */
    public static final String WINDOW_RECORDS = "hotkey.adaptive.window.records";
    /** Panes the window slides by. Default 10. */
    public static final String WINDOW_PANES = "hotkey.adaptive.window.panes";
    /** Records the window must hold before any key is hot. Default 100. */
    public static final String MIN_EVENTS = "hotkey.adaptive.min.events";
    /** {@code all}, or N >= 2: a hot key goes round robin over N partitions starting at its home. Default all. */
    public static final String SPREAD_PARTITIONS = "hotkey.adaptive.spread.partitions";
    /** How long a key stays spread after it was last hot, then it goes home. Default: the window in ms. */
    public static final String COOLDOWN_MS = "hotkey.adaptive.cooldown.ms";

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(THRESHOLD, Type.DOUBLE, 0.2, (n, v) -> require(n, v, ((Double) v) > 0 && (Double) v <= 1,
                    "must be in (0, 1]"), Importance.HIGH, "Share of the window's records that makes a key hot.")
            .define(TOP_K, Type.INT, 32, (n, v) -> require(n, v, (Integer) v >= 1 && (Integer) v
                    <= HeavyHitterConfig.MAX_TOP_K, "must be in [1, " + HeavyHitterConfig.MAX_TOP_K + "]"),
                    Importance.MEDIUM, "Keys tracked by the detector; at least 1/threshold.")
            .define(WINDOW_MS, Type.LONG, 10_000L, (n, v) -> require(n, v, (Long) v >= 1, "must be >= 1"),
                    Importance.MEDIUM, "Sliding window of the detector in milliseconds.")
            .define(WINDOW_RECORDS, Type.LONG, 0L, (n, v) -> require(n, v, (Long) v >= 0, "must be >= 0"),
                    Importance.LOW, "A window counted in records instead of time; 0 uses window.ms.")
            .define(WINDOW_PANES, Type.INT, 10, (n, v) -> require(n, v, (Integer) v >= 1 && (Integer) v
                    <= HeavyHitterConfig.MAX_PANES, "must be in [1, " + HeavyHitterConfig.MAX_PANES + "]"),
                    Importance.LOW, "Panes the window slides by.")
            .define(MIN_EVENTS, Type.LONG, 100L, (n, v) -> require(n, v, (Long) v >= 1, "must be >= 1"),
                    Importance.LOW, "Records the window must hold before any key is hot.")
            .define(SPREAD_PARTITIONS, Type.STRING, "all", (n, v) -> parseSpread(n, v), Importance.MEDIUM,
                    "'all', or N >= 2: partitions a hot key is spread over, starting at its home partition.")
            .define(COOLDOWN_MS, Type.LONG, null, (n, v) -> require(n, v, v == null || (Long) v >= 0,
                    "must be >= 0"), Importance.MEDIUM,
                    "How long a key stays spread after it was last hot; default: the window in ms.");

    public AdaptivePartitionerConfig {
        if (detector == null) {
            throw new IllegalArgumentException("detector config must not be null");
        }
        if (spreadPartitions < 0 || spreadPartitions == 1) {
            throw new IllegalArgumentException("spread partitions must be 0 (all) or >= 2 but got " + spreadPartitions);
        }
        if (cooldownMillis < 0) {
            throw new IllegalArgumentException("cooldown must be >= 0 ms but got " + cooldownMillis);
        }
    }

    /** The defaults: the detector's defaults, spread over all partitions, cooldown = 10 s window. */
    public static AdaptivePartitionerConfig defaults() {
        return new AdaptivePartitionerConfig(HeavyHitterConfig.defaults(), 0, 10_000);
    }

    /** Reads the {@code hotkey.adaptive.*} keys of a producer configuration; other keys are ignored. */
    public static AdaptivePartitionerConfig from(Map<String, ?> configs) {
        Map<String, Object> own = new LinkedHashMap<>();
        configs.forEach((k, v) -> {
            if (k.startsWith("hotkey.adaptive.")) {
                own.put(k, v);
            }
        });
        Map<String, Object> parsed = DEFINITION.parse(own);
        long windowRecords = (Long) parsed.get(WINDOW_RECORDS);
        long windowMs = (Long) parsed.get(WINDOW_MS);
        HeavyHitterConfig detector;
        try {
            detector = new HeavyHitterConfig((Integer) parsed.get(TOP_K), (Double) parsed.get(THRESHOLD),
                    windowRecords > 0 ? WindowUnit.RECORDS : WindowUnit.MILLISECONDS,
                    windowRecords > 0 ? windowRecords : windowMs, (Integer) parsed.get(WINDOW_PANES),
                    (Long) parsed.get(MIN_EVENTS));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (set by " + TOP_K + ", " + THRESHOLD + ", "
                    + (windowRecords > 0 ? WINDOW_RECORDS : WINDOW_MS) + ", " + WINDOW_PANES + ")");
        }
        Long cooldown = (Long) parsed.get(COOLDOWN_MS);
        return new AdaptivePartitionerConfig(detector, parseSpread(SPREAD_PARTITIONS, parsed.get(SPREAD_PARTITIONS)),
                cooldown != null ? cooldown : windowMs);
    }

    /** The same settings as producer configuration entries, e.g. to hand to a producer built elsewhere. */
    public Map<String, Object> toProducerConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(THRESHOLD, detector.threshold());
        out.put(TOP_K, detector.topK());
        if (detector.windowUnit() == WindowUnit.RECORDS) {
            out.put(WINDOW_RECORDS, detector.window());
        } else {
            out.put(WINDOW_MS, detector.window());
        }
        out.put(WINDOW_PANES, detector.panes());
        out.put(MIN_EVENTS, detector.minEvents());
        out.put(SPREAD_PARTITIONS, spreadPartitions == 0 ? "all" : String.valueOf(spreadPartitions));
        out.put(COOLDOWN_MS, cooldownMillis);
        return out;
    }

    /** How many partitions a hot key of a topic with {@code partitions} partitions is spread over. */
    public int spreadOver(int partitions) {
        return spreadPartitions == 0 ? partitions : Math.min(spreadPartitions, partitions);
    }

    public AdaptivePartitionerConfig withDetector(HeavyHitterConfig d) {
        return new AdaptivePartitionerConfig(d, spreadPartitions, cooldownMillis);
    }

    public AdaptivePartitionerConfig withSpreadPartitions(int n) {
        return new AdaptivePartitionerConfig(detector, n, cooldownMillis);
    }

    public AdaptivePartitionerConfig withCooldownMillis(long ms) {
        return new AdaptivePartitionerConfig(detector, spreadPartitions, ms);
    }

    private static int parseSpread(String name, Object value) {
        String s = value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 2) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name, value, "must be 'all' or a number >= 2");
    }

    private static void require(String name, Object value, boolean ok, String allowed) {
        if (!ok) {
            throw new ConfigException(name, value, allowed);
        }
    }
}
