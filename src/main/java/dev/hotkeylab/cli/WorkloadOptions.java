package dev.hotkeylab.cli;

import dev.hotkeylab.experiment.CommitPolicy;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.GroupType;
import dev.hotkeylab.experiment.RecordRetention;
import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code run} sends, to how many partitions and consumers, keyed how: every option that shapes an experiment.
 * {@code run}'s "reproduce with" line repeats every one of them ({@link ReproduceLine}), so an option added here is
 * never left out of it.
 */
final class WorkloadOptions {

    /** The longest --timeout: one day per strategy. */
    static final long MAX_TIMEOUT_SECONDS = 86_400;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "3", description = "Partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000", description = "Ticket requests per strategy (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--consumers", paramLabel = "C", defaultValue = "3", description = "Consumers in the group (default: ${DEFAULT-VALUE}).")
    int consumers;

    @Mixin
    StrategyOptions strategies;

    @Option(names = "--group-type", paramLabel = "T", split = ",", defaultValue = "classic",
            description = "How the consumers share the topic: classic (a consumer group: one member per partition) or "
                    + "share (a share group, KIP-932, Kafka >= 4.2: members share partitions record by record); "
                    + "classic,share runs both (default: ${DEFAULT-VALUE}).")
    List<String> groupTypes;

    @Mixin
    TrafficOptions traffic;

    @Option(names = "--quiet-concerts", paramLabel = "Q", defaultValue = "0",
            description = "Concerts besides --key that requests are for, Zipf-distributed (default: ${DEFAULT-VALUE}: "
                    + "every request is for --key).")
    int quietConcerts;

    @Option(names = "--zipf", paramLabel = "S", defaultValue = "1.0",
            description = "Zipf exponent over --key (rank 1) and the quiet concerts (default: ${DEFAULT-VALUE}).")
    double zipfExponent;

    @Option(names = "--commits", paramLabel = "MODE", defaultValue = "auto",
            description = "How consumers fetch and commit: small-batches (50 records, commitSync after each), "
                    + "throughput (500 records, commitAsync every 10000 records or 200 ms) or auto (throughput at "
                    + "--service-time 0, else small-batches) (default: ${DEFAULT-VALUE}).")
    String commits;

    /** The commit policy {@code --commits} names, for this workload's service time. */
    CommitPolicy commitPolicy() {
        return CommitPolicy.parse(commits, traffic.serviceTime);
    }

    @Option(names = "--records", paramLabel = "MODE", defaultValue = "auto",
            description = "What the run's topic keeps: keep (every record until the run ends; leader bytes are log "
                    + "sizes), delete-consumed (records below the group's committed offsets deleted every second: "
                    + "bounded broker disk) or auto (delete-consumed from 1000000 requests with a consumer group and "
                    + "--no-serve, else keep) (default: ${DEFAULT-VALUE}).")
    String records;

    /** What {@code --records} names. */
    RecordRetention records() {
        return RecordRetention.parse(records);
    }

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long one strategy's run may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /**
     * One configuration per chosen strategy (all when none is chosen), in the order given.
     *
     * @throws IllegalArgumentException naming the bad value (timeout, group type or any configuration field)
     */
    List<ExperimentConfig> configs() {
        List<Strategy> chosen = strategies.chosen();
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("timeout must be in [1, " + MAX_TIMEOUT_SECONDS + "] s but got "
                    + timeoutSeconds);
        }
        groupTypes();
        return chosen.stream().map(s -> ExperimentConfig.builder().key(traffic.key()).partitions(partitions)
                .messages(messages).consumers(consumers).strategy(s).saltBuckets(strategies.saltBuckets).seed(traffic.seed())
                .users(traffic.users()).serviceTimeMillis(traffic.serviceTime()).timeout(Duration.ofSeconds(timeoutSeconds))
                .quietConcerts(quietConcerts).zipfExponent(zipfExponent).build()).toList();
    }

    /** The group types in the order given, each once; a bad one fails naming it. */
    List<GroupType> groupTypes() {
        return groupTypes == null || groupTypes.isEmpty() ? List.of(GroupType.CLASSIC)
                : groupTypes.stream().map(GroupType::parse).distinct().toList();
    }

    /**
     * The ADAPTIVE partitioner's configuration with {@code --adaptive-threshold}, or null without it. Built (and so
     * validated) before anything starts: a bad threshold is refused in milliseconds, not after the broker's start.
     */
    AdaptivePartitionerConfig adaptiveConfig() {
        Double threshold = strategies.adaptiveThreshold;
        return threshold == null ? null : AdaptivePartitionerConfig.defaults()
                .withDetector(HeavyHitterConfig.defaults().withThreshold(threshold));
    }
}
