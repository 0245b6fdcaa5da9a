package dev.hotkeylab.dashboard;

import dev.hotkeylab.experiment.ConsumerStats;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentListener;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.GroupType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Shows one experiment on the dashboard: it appears (and its topic and group are watched) once the group has
 * settled, and its column of the comparison table fills in when it ends.
 */
public final class DashboardRun implements ExperimentListener {

    private final RunPublisher publisher;
    private final String label;
    private final Map<String, Object> clientConfig;
    private final GroupType groupType;
    private final CompletableFuture<String> runId = new CompletableFuture<>();

    public DashboardRun(RunPublisher publisher, String label, Map<String, Object> clientConfig) {
        this(publisher, label, clientConfig, null);
    }

    /** @param groupType shown with the run's parameters; null to leave it out */
    public DashboardRun(RunPublisher publisher, String label, Map<String, Object> clientConfig, GroupType groupType) {
        this.publisher = publisher;
        this.label = label;
        this.clientConfig = clientConfig;
        this.groupType = groupType;
    }

    @Override
    public void started(ExperimentConfig config, String topic, String group) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strategy", config.strategy().name());
        params.put("key", config.key());
        params.put("partitions", String.valueOf(config.partitions()));
        params.put("messages", String.valueOf(config.messages()));
        params.put("consumers", String.valueOf(config.consumers()));
        params.put("serviceTimeMs", String.valueOf(config.serviceTimeMillis()));
        params.put("seed", String.valueOf(config.seed()));
        if (groupType != null) {
            params.put("groupType", groupType.label());
        }
        runId.complete(publisher.runStarted(new RunInfo(label, topic, group, clientConfig, params)));
    }

    @Override
    public void finished(ExperimentResult result) {
        publisher.runFinished(id(), row(result));
    }

    /** The run's row of the page's comparison table, under the names the page colours (maxOverMean, ...). */
    static Map<String, Object> row(ExperimentResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("strategy", r.setup().strategy());
        row.put("groupType", r.groupType());
        row.put("partitions", r.setup().partitions());
        row.put("messages", r.setup().messages());
        row.put("consumers", r.setup().consumers());
        row.put("activeConsumers", r.spread().activeConsumers());
        row.put("idlePartitions", r.spread().idlePartitions());
        row.put("maxOverMean", Math.round(r.spread().maxOverMean() * 100) / 100.0);
        row.put("perPartition", r.distribution().perPartition());
        // Ordered by the lowest partition each consumer read (consumers without one last), so the column lines up
        // with perPartition.
        Map<String, Long> perConsumer = new LinkedHashMap<>();
        r.spread().perConsumer().entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, ConsumerStats> e) ->
                                e.getValue().partitions().isEmpty() ? Integer.MAX_VALUE
                                        : java.util.Collections.min(e.getValue().partitions()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> perConsumer.put(e.getKey(), e.getValue().records()));
        row.put("perConsumer", perConsumer);
        row.put("throughputPerSecond", Math.round(r.timing().throughputPerSecond()));
        row.put("durationMs", r.timing().drainMillis());
        row.put("latencyP99Ms", Math.round(r.timing().latency().p99Ms()));
        row.put("outOfOrderPerConcert", r.ordering().orderingViolationsPerConcert());
        row.put("outOfOrderPerUser", r.ordering().orderingViolationsPerUser());
        row.put("longestStallMs", r.consumption().longestStallMillis());
        row.put("leaderRecordsByBroker", r.leaderLoad().leaderRecordsByBroker());
        return row;
    }

    /** The dashboard's id for this run; present once {@link #started} was called. */
    public String id() {
        return runId.getNow(null);
    }

    CompletableFuture<String> runId() {
        return runId;
    }

    public void failed(Throwable e) {
        String id = id();
        if (id != null) {
            publisher.runFailed(id, e.getMessage());
        }
        runId.completeExceptionally(e);
    }
}
