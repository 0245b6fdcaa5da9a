package dev.hotkeylab.cli;

import dev.hotkeylab.dashboard.DashboardOptions;
import dev.hotkeylab.dashboard.DashboardServer;
import dev.hotkeylab.broker.ExternalKafka;
import dev.hotkeylab.dashboard.DeferredLauncher;
import dev.hotkeylab.dashboard.ExperimentRunLauncher;
import dev.hotkeylab.experiment.ExperimentRunner;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hotkey-lab dashboard}: the live dashboard for any existing topic and consumer group on any cluster, e.g. the
 * ones the {@code produce} and {@code consume} commands work on in other terminals.
 *
 * <pre>
 *   hotkey-lab dashboard --bootstrap localhost:9092 --topic tickets --group ticket-service
 *   dashboard: http://127.0.0.1:8080/ watching topic tickets, group ticket-service on localhost:9092 (Ctrl-C stops)
 * </pre>
 *
 * The page's form starts further runs on the same cluster (fresh topics) unless {@code --read-only} is given.
 * Exit codes (mapped by {@link Main}): 2 for bad options, a taken port or a cluster that does not answer at the start.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Live dashboard (http://127.0.0.1:8080) for a topic and consumer group on any Kafka cluster.")
public final class DashboardCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--group", description = "Consumer group to watch (members, committed offsets, lag).")
    String group;

    @Mixin
    ServingOptions serving;

    @Option(names = "--read-only", description = "Hide the form that starts runs on this cluster.")
    boolean readOnly;

    @Override
    public Integer call() {
        PrintWriter out = cluster.out();
        cluster.timeout();
        DashboardOptions options = serving.dashboardOptions();
        String bootstrap = cluster.bootstrap;
        Map<String, Object> clientConfig = cluster.clientConfig();
        boolean interrupted;
        DeferredLauncher launcher = new DeferredLauncher();
        try (DashboardServer server = DashboardServer.start(options, readOnly ? null : launcher)) {
            try (KafkaChecks kafka = cluster.checks()) {
                kafka.requireReachable();
                if (!readOnly) {
                    // The form runs the same experiment runner as `run`, on this cluster (fresh topic per run).
                    ExperimentRunner runner = new ExperimentRunner(ExternalKafka.connect(bootstrap))
                            .with(o -> o.withKeepTopics(true));
                    launcher.set(new ExperimentRunLauncher(runner, clientConfig));
                }
                cluster.warnIfTopicMissing(kafka);
            }
            server.watch(cluster.topic + (group == null ? "" : " / " + group), cluster.topic, group, clientConfig);
            out.println("dashboard: " + server.url() + " watching topic " + cluster.topic
                    + (group == null ? "" : ", group " + group) + " on " + bootstrap + " (Ctrl-C stops)");
            out.flush();
            interrupted = Shutdown.await(new CountDownLatch(1));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
