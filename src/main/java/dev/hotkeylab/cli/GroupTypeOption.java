package dev.hotkeylab.cli;

import dev.hotkeylab.experiment.GroupType;
import picocli.CommandLine.Option;

/**
 * {@code --group-type} of the commands that run one kind of group ({@code consume}, {@code soak}, {@code bench});
 * {@code run} takes a list of them ({@link WorkloadOptions}).
 */
final class GroupTypeOption {

    @Option(names = "--group-type", paramLabel = "T", defaultValue = "classic",
            description = "classic (a consumer group: one member per partition) or share (a share group, KIP-932, "
                    + "Kafka >= 4.2: members share partitions record by record) (default: ${DEFAULT-VALUE}).")
    String groupType;

    /** @throws IllegalArgumentException naming the value and the allowed ones */
    GroupType type() {
        return GroupType.parse(groupType);
    }
}
