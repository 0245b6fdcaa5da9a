package dev.hotkeylab.cli;

import dev.hotkeylab.broker.EmbeddedKafka;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hotkey-lab broker}: an embedded KRaft broker on its own, for any Kafka client (KafkaJS, kcat, the seed's
 * scripts) until Ctrl-C. Prints {@code bootstrap: localhost:PORT} as its first line on stdout.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker and print its bootstrap address until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1",
            description = "Brokers in the cluster (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "3",
            description = "Partitions of topics that clients create by producing to them (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = EmbeddedKafka.LOOPBACK,
            description = "Address the brokers listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for "
                    + "every interface).")
    String bind;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        java.io.PrintWriter out = spec.commandLine().getOut();
        BackendOptions.requireBrokers(brokers);
        if (partitions < 1 || partitions > dev.hotkeylab.experiment.ExperimentConfig.MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be in [1, "
                    + dev.hotkeylab.experiment.ExperimentConfig.MAX_PARTITIONS + "] but got " + partitions);
        }
        // Unlike the experiments, this broker serves other people's scripts (the seed's KafkaJS producer and
        // consumer), which expect a topic to appear when they first use it: auto.create.topics.enable (default
        // true) back on, num.partitions (default 1) set to the experiments' 3.
        Limits.requirePartitions(partitions, brokers);
        EmbeddedKafka kafka = EmbeddedKafka.start(brokers, java.util.Map.of("auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(partitions)), bind);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "broker-shutdown"));
        out.println("bootstrap: " + kafka.bootstrapServers());
        out.println("Embedded Kafka " + kafka.kafkaVersion() + " with " + brokers + " broker"
                + (brokers == 1 ? "" : "s") + " is running; topics are created on first use with " + partitions
                + " partitions. Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }
}
