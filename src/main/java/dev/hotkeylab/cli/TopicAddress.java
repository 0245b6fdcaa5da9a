package dev.hotkeylab.cli;

import picocli.CommandLine.Option;

/**
 * Which topic on which cluster: the two options of every command that works on an existing cluster's topic
 * ({@code scan}, and through {@link ClusterOptions} {@code produce}, {@code consume} and {@code dashboard}).
 */
class TopicAddress {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "The topic: produce creates it when it does not exist, consume and dashboard wait for it, "
                    + "scan refuses a missing one.")
    String topic;
}
