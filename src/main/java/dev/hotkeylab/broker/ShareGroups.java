package dev.hotkeylab.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a cluster needs before a share group (KIP-932, "Queues for Kafka", generally available since Kafka 4.2) can
 * consume from it: the {@value #FEATURE} feature finalized at level 1 or higher (a fresh 4.2+ cluster has it; an
 * upgraded one needs {@code kafka-features.sh upgrade --feature share.version=1}), and the group's own settings, which
 * are dynamic group configs ({@code ConfigResource.Type.GROUP}, Kafka's {@code GroupConfig}) set through the Admin API
 * before the members join.
 */
public final class ShareGroups {

    /** The feature flag that turns share groups on (Kafka's {@code ShareVersion}). */
    public static final String FEATURE = "share.version";

    private ShareGroups() {
    }

    /**
     * Fails with one line when the cluster cannot host share groups.
     *
     * @throws IllegalStateException when {@value #FEATURE} is missing or 0, naming the bootstrap address and the fix
     */
    public static void requireSupported(Admin admin, String bootstrap, long timeoutMillis)
            throws InterruptedException {
        FeatureMetadata features;
        try {
            features = admin.describeFeatures().featureMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the features of the cluster at " + bootstrap + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage());
        }
        FinalizedVersionRange level = features.finalizedFeatures().get(FEATURE);
        if (level == null || level.maxVersionLevel() < 1) {
            throw new IllegalStateException("share groups need the " + FEATURE + " feature (KIP-932, Kafka >= 4.2) "
                    + "but the cluster at " + bootstrap + " has " + FEATURE + "="
                    + (level == null ? "0 (not finalized)" : level.maxVersionLevel())
                    + "; enable it with: kafka-features.sh --bootstrap-server " + bootstrap
                    + " upgrade --feature " + FEATURE + "=1");
        }
    }

    /**
     * Sets dynamic configs of one share group, e.g. {@code share.auto.offset.reset=earliest} (default {@code latest},
     * which skips every record produced before the members join) or {@code share.delivery.count.limit}.
     *
     * @param settings group config names (Kafka's {@code GroupConfig}) and values
     */
    public static void configure(Admin admin, String group, Map<String, String> settings, long timeoutMillis)
            throws InterruptedException {
        List<AlterConfigOp> ops = new ArrayList<>();
        settings.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        try {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), ops)).all()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not configure share group " + group + " with " + settings + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage());
        }
    }
}
