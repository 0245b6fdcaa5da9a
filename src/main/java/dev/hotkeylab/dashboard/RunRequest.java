package dev.hotkeylab.dashboard;

import dev.hotkeylab.experiment.GroupType;
import dev.hotkeylab.keys.Keys;
import dev.hotkeylab.keys.Strategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run asked for from the dashboard's form, validated before anything touches Kafka. Bounds keep a click from
 * swamping the machine the dashboard runs on; each error is one line naming the bad value and what is allowed.
 *
 * @param strategy      how keys are chosen
 * @param key           the natural (hot) key, e.g. a concert id
 * @param partitions    partitions of the fresh topic, 1..{@value #MAX_PARTITIONS}
 * @param messages      records to produce, 1..{@value #MAX_MESSAGES}
 * @param consumers     consumers in the group, 1..{@value #MAX_CONSUMERS}
 * @param serviceTimeMs simulated work per record in milliseconds, 0..{@value #MAX_SERVICE_TIME_MS}
 * @param seed          seed of the run's random source (user ids, random salts)
 * @param groupType     how the run consumes: a consumer group ({@code classic}) or a share group ({@code share},
 *                      KIP-932), see {@link GroupType}
 */
public record RunRequest(Strategy strategy, String key, int partitions, int messages, int consumers,
                         int serviceTimeMs, long seed, GroupType groupType) {

    public static final String DEFAULT_KEY = "SUPER_STAR_CONCERT_2026";
    public static final int MAX_PARTITIONS = 1000;
    public static final int MAX_MESSAGES = 1_000_000;
    public static final int MAX_CONSUMERS = 32;
    public static final int MAX_SERVICE_TIME_MS = 10_000;
    public static final int MAX_KEY_LENGTH = 200;

    /** The parameter names the form and {@code POST /api/runs} accept, in display order. */
    public static final List<String> PARAMETERS =
            List.of("strategy", "key", "partitions", "messages", "consumers", "serviceTimeMs", "seed", "groupType");

    public RunRequest {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy is required; allowed: " + Strategy.allowedNames());
        }
        Keys.requireValid(key);
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key must be at most " + MAX_KEY_LENGTH + " characters but has " + key.length());
        }
        inRange("partitions", partitions, 1, MAX_PARTITIONS);
        inRange("messages", messages, 1, MAX_MESSAGES);
        inRange("consumers", consumers, 1, MAX_CONSUMERS);
        inRange("serviceTimeMs", serviceTimeMs, 0, MAX_SERVICE_TIME_MS);
        if (groupType == null) {
            throw new IllegalArgumentException("groupType is required; allowed: " + GroupType.allowedNames());
        }
    }

    /**
     * Parses form or JSON parameters. Missing ones take defaults (key {@value #DEFAULT_KEY}, 3 partitions, 1000 messages,
     * 3 consumers, 0 ms, seed 42, group type classic); {@code strategy} is required; unknown names are refused so a typo is not ignored.
     */
    public static RunRequest fromParams(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'; allowed: " + String.join(", ", PARAMETERS));
            }
        }
        String strategyName = params.get("strategy");
        if (strategyName == null || strategyName.isBlank()) {
            throw new IllegalArgumentException("strategy is required; allowed: " + Strategy.allowedNames());
        }
        String key = params.getOrDefault("key", DEFAULT_KEY);
        return new RunRequest(
                Strategy.parse(strategyName),
                key,
                intParam(params, "partitions", 3),
                intParam(params, "messages", 1000),
                intParam(params, "consumers", 3),
                intParam(params, "serviceTimeMs", 0),
                longParam(params, "seed", 42L),
                groupTypeParam(params.get("groupType")));
    }

    /** The parameters as strings, in display order (what the run list shows and what a launcher may pass on). */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("strategy", strategy.name());
        p.put("key", key);
        p.put("partitions", Integer.toString(partitions));
        p.put("messages", Integer.toString(messages));
        p.put("consumers", Integer.toString(consumers));
        p.put("serviceTimeMs", Integer.toString(serviceTimeMs));
        p.put("seed", Long.toString(seed));
        p.put("groupType", groupType.label());
        return p;
    }

    private static void inRange(String name, int value, int min, int max) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + " but got " + value);
        }
        if (value > max) {
            throw new IllegalArgumentException(name + " must be <= " + max + " but got " + value);
        }
    }

    private static GroupType groupTypeParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return GroupType.CLASSIC;
        }
        try {
            return GroupType.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("groupType must be one of " + GroupType.allowedNames() + " but got '"
                    + raw + "'");
        }
    }

    private static int intParam(Map<String, String> params, String name, int fallback) {
        long value = longParam(params, name, fallback);
        if (value != (int) value) {
            throw new IllegalArgumentException(name + " must be an integer from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + " but got '" + params.get(name) + "'");
        }
        return (int) value;
    }

    private static long longParam(Map<String, String> params, String name, long fallback) {
        String raw = params.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer but got '" + raw + "'");
        }
    }
}
