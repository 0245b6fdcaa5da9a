package dev.hotkeylab.experiment;

import java.util.Locale;

/**
 * Whether a run's topic keeps every record until the run ends, or deletes records as its consumer group commits them
 * ({@link RecordTrimmer}): bounded broker disk for long runs, at the cost of leader bytes measured another way (see
 * {@link BrokerTraffic#leaderBytesSource()}).
 */
public enum RecordRetention {
    /** Every record stays until the topic is deleted after the run: leader bytes are the leader's log size. */
    KEEP,
    /**
     * Records below the group's committed offset are deleted every second ({@code Admin.deleteRecords}, never past a
     * committed offset, so at-least-once and redelivery accounting hold) in segments of {@link #SEGMENT_BYTES}.
     */
    DELETE_CONSUMED,
    /**
     * {@link #DELETE_CONSUMED} for consumer-group runs of at least {@link #AUTO_FROM_MESSAGES} requests whose topic is
     * not kept after the run ({@link RunnerOptions#recordsFor(int)}), else keep.
     */
    AUTO;

    /** From this many requests {@link #AUTO} deletes consumed records (10^6 requests are about 206 MB of log). */
    public static final int AUTO_FROM_MESSAGES = 1_000_000;

    /**
     * The topic's {@code segment.bytes} (default 1 GiB) when records are deleted: the broker frees disk a whole segment
     * at a time, and a partition of a 10^7-request run (about 690 MB) would otherwise never leave its first one.
     */
    public static final int SEGMENT_BYTES = 16 * 1024 * 1024;

    /**
     * The topic's {@code file.delete.delay.ms} (default 60000) when records are deleted: a segment below the log start
     * offset is first renamed {@code .deleted} and removed from disk this much later; at 10^5 requests a second a
     * minute's delay alone holds over a gigabyte.
     */
    public static final int FILE_DELETE_DELAY_MS = 1_000;

    /** The topic configs of a run that deletes consumed records. */
    static final java.util.Map<String, String> TOPIC_CONFIGS = java.util.Map.of(
            "segment.bytes", String.valueOf(SEGMENT_BYTES),
            "file.delete.delay.ms", String.valueOf(FILE_DELETE_DELAY_MS));

    /** The names {@link #parse(String)} takes. */
    public static final String NAMES = "auto, keep, delete-consumed";

    /** @throws IllegalArgumentException for a name not in {@link #NAMES}, naming it */
    public static RecordRetention parse(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "keep" -> KEEP;
            case "delete-consumed" -> DELETE_CONSUMED;
            default -> throw new IllegalArgumentException("records must be one of " + NAMES + " but got '" + name + "'");
        };
    }

    /** What a run of {@code messages} requests consumed by {@code groupType} does: never {@link #AUTO}. */
    public RecordRetention resolve(int messages, GroupType groupType) {
        if (this != AUTO) {
            return this;
        }
        return messages >= AUTO_FROM_MESSAGES && groupType == GroupType.CLASSIC ? DELETE_CONSUMED : KEEP;
    }

    /** For the console and the report: "kept" or "deleted as consumed". */
    public String describe() {
        return switch (this) {
            case KEEP -> "kept";
            case DELETE_CONSUMED -> "deleted as consumed";
            case AUTO -> "auto (deleted as consumed from " + AUTO_FROM_MESSAGES + " requests)";
        };
    }
}
