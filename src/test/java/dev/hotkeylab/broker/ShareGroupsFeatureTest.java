package dev.hotkeylab.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.experiment.GroupType;
import dev.hotkeylab.junit.KafkaTest;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@code share.version} check on a cluster of this class's own: on by default in Kafka 4.3 (a fresh cluster is
 * formatted with it), then turned off with Admin's {@code updateFeatures}, as on a cluster upgraded from Kafka < 4.2.
 */
@KafkaTest(backend = "embedded")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("share.version: share groups need the feature")
class ShareGroupsFeatureTest {

    @Test
    @Order(1)
    @DisplayName("a fresh 4.3 cluster has share.version >= 1")
    void onByDefault(KafkaBackend kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            ShareGroups.requireSupported(admin, kafka.bootstrapServers(), 10_000);
        }
    }

    @Test
    @Order(2)
    @DisplayName("with share.version=0 a share run stops before any member joins, with one line naming the fix")
    void offIsOneLine(KafkaBackend kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.updateFeatures(Map.of(ShareGroups.FEATURE,
                    new FeatureUpdate((short) 0, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE))).all().get();
        }
        ExperimentRunner runner = new ExperimentRunner(kafka).with(o -> o.withGroupType(GroupType.SHARE));

        assertThatThrownBy(() -> runner.run(ExperimentConfig.builder().messages(10).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("share groups need the share.version feature (KIP-932, Kafka >= 4.2)")
                .hasMessageContaining("kafka-features.sh --bootstrap-server " + kafka.bootstrapServers()
                        + " upgrade --feature share.version=1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
