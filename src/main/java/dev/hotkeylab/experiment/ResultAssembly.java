package dev.hotkeylab.experiment;

import dev.hotkeylab.metrics.LatencyStats;
import dev.hotkeylab.metrics.Skew;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Turns what one run recorded (members, accounting, producer, broker) into its {@link ExperimentResult}; no I/O. */
final class ResultAssembly {

    private ResultAssembly() {
    }

    /**
     * The run's result from what the members and the producer recorded.
     *
     * @param settled      each member's settled assignment, by member index
     * @param brokerCounts the log end offset of each partition after the run
     * @param drainNanos   first send to last first processing
     */
    static ExperimentResult of(ExperimentConfig config, String topic, String group,
            List<Member> members, Map<Integer, List<Integer>> settled, RunAccounting accounting,
            TicketProducer.Produced produced, List<Long> brokerCounts, long drainNanos, long settleMillis, BrokerLoad load,
            ShareSummary share, BrokerTraffic traffic) {
        long[] perPartition = new long[config.partitions()];
        for (int p = 0; p < perPartition.length; p++) {
            perPartition[p] = accounting.producedPerPartition.get(p);
        }
        Skew skew = Skew.of(perPartition);
        double drainSeconds = Math.max(drainNanos, 1) / 1e9;
        int buckets = (int) members.stream().mapToLong(Member::lastBucket).max().orElse(-1) + 1;
        Histogram latency = LatencyStats.newHistogram();
        Map<String, ConsumerStats> perConsumer = new TreeMap<>();
        int active = 0;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            latency.add(m.latencyMicros());
            if (m.records() > 0) {
                active++;
            }
            perConsumer.put(m.clientId(), new ConsumerStats(m.clientId(), settled.get(i), m.records(),
                    m.records() / drainSeconds, m.timeline(buckets)));
        }
        return new ExperimentResult(
                new ExperimentResult.Setup(config.strategy().name(), config.strategy().description(), config.key(),
                        config.partitions(), config.messages(), config.consumers(), config.saltBuckets(),
                        config.seed(), config.users(), config.serviceTimeMillis(), topic, group),
                new ExperimentResult.Distribution(boxed(perPartition), brokerCounts,
                        boxed(produced.predictedPerPartition()), accounting.mismatches.get(), produced.distinctKeys(),
                        produced.keyPartitions()),
                new ExperimentResult.Spread(perConsumer, active, skew.idlePartitions(), skew.maxOverMean(),
                        skew.coefficientOfVariation()),
                new ExperimentResult.Timing(drainNanos / 1_000_000, config.messages() / drainSeconds,
                        LatencyStats.of(latency)),
                new ExperimentResult.Ordering(accounting.concertOrder.violations(), accounting.userOrder.violations()),
                new ExperimentResult.Consumption(accounting.processed.get(),
                        accounting.processed.get() - accounting.distinctSucceeded(), settleMillis,
                        accounting.longestStallMillis(),
                        members.stream().filter(Member::crashed).map(Member::clientId).toList()),
                new ExperimentResult.LeaderLoad(load.records(), load.bytes()),
                perConcert(config, produced, accounting), produced.adaptive(), share,
                traffic);
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static Map<String, ConcertStats> perConcert(ExperimentConfig config, TicketProducer.Produced produced,
            RunAccounting accounting) {
        Map<String, long[]> counts = new TreeMap<>(produced.perConcert());
        Map<String, ConcertStats> out = new TreeMap<>();
        counts.forEach((concert, perPartition) -> out.put(concert, new ConcertStats(concert,
                java.util.Arrays.stream(perPartition).sum(), boxed(perPartition),
                accounting.concertOrder.violationsOf(concert))));
        return out;
    }
}
