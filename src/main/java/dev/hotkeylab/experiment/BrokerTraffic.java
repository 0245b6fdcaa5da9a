package dev.hotkeylab.experiment;

import dev.hotkeylab.broker.BrokerCounters;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run as the brokers saw it: what each broker received and sent per second while the run produced and consumed,
 * with where the figures come from, and whether the run's records were kept or deleted as consumed.
 *
 * @param records           {@link RecordRetention#describe()} of what the run did: "kept" or "deleted as consumed"
 * @param recordsDeleted    records deleted below committed offsets during the run (0 when kept)
 * @param leaderBytesSource where {@link ExperimentResult#leaderBytesByBroker()} comes from: the leaders' log sizes, or,
 *                          when records were deleted, the producer's bytes for the topic split by each leader's records
 * @param source            where {@code perBroker} comes from: {@link BrokerCounters#SOURCE}, the leaders' log sizes
 *                          over the drain time (a backend whose brokers' metrics are not readable here), or "" for none
 * @param seconds           the time the rates are over: from the first send to the end of consuming
 * @param perBroker         by broker id
 */
public record BrokerTraffic(String records, long recordsDeleted, String leaderBytesSource, String source,
        double seconds, Map<Integer, Rates> perBroker) {

    /** Leader bytes from {@code describeLogDirs} (every record kept). */
    public static final String LOG_SIZE = "leader log sizes (describeLogDirs)";

    /** Leader bytes when records were deleted during the run. */
    public static final String PRODUCER_BYTES = "producer byte-total for the topic, split by each leader's records "
            + "(log sizes shrink as records are deleted)";

    /** Per-broker rates from the leaders' log sizes, where the brokers' own metrics cannot be read. */
    public static final String LOG_SIZE_RATES = "leader bytes over the drain time (the brokers' own metrics are not "
            + "readable from this process): bytes in only";

    /** For results written before this field existed, and runs that did not measure it. */
    public static final BrokerTraffic NONE = new BrokerTraffic("kept", 0, LOG_SIZE, "", 0, Map.of());

    /**
     * One broker's rates; a figure the source cannot give is -1.
     *
     * @param bytesInPerSecond  bytes received per second
     * @param bytesOutPerSecond bytes sent per second
     * @param networkIdle       share of time its network threads waited for I/O, 0..1 (Kafka's
     *                          {@code NetworkProcessorAvgIdlePercent} over the same span)
     */
    public record Rates(double bytesInPerSecond, double bytesOutPerSecond, double networkIdle) {
    }

    public BrokerTraffic {
        perBroker = perBroker == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(perBroker));
        records = records == null ? "kept" : records;
        leaderBytesSource = leaderBytesSource == null ? LOG_SIZE : leaderBytesSource;
        source = source == null ? "" : source;
    }

    /** Rates from two readings of the brokers' own counters {@code nanos} apart (brokers in both readings only). */
    static Map<Integer, Rates> between(Map<Integer, BrokerCounters> before, Map<Integer, BrokerCounters> after,
            long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        Map<Integer, Rates> out = new TreeMap<>();
        after.forEach((id, a) -> {
            BrokerCounters b = before.get(id);
            if (b == null) {
                return;
            }
            double idle = a.networkThreads() == 0 ? -1
                    : Math.min(1.0, (a.ioWaitNanos() - b.ioWaitNanos()) / ((double) nanos * a.networkThreads()));
            out.put(id, new Rates((a.bytesIn() - b.bytesIn()) / seconds, (a.bytesOut() - b.bytesOut()) / seconds,
                    idle));
        });
        return out;
    }

    /** The broker bytes in per second of the busiest broker over the mean of all: 1 is even. */
    public double maxOverMeanBytesIn() {
        return perBroker.values().stream().mapToDouble(Rates::bytesInPerSecond).max().orElse(0)
                / Math.max(1e-9, perBroker.values().stream().mapToDouble(Rates::bytesInPerSecond).average().orElse(0));
    }
}
