package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ConsumerStats;
import dev.hotkeylab.experiment.ExperimentResult;
import java.util.List;

/**
 * Reads the consumer number back out of a client id, for the tables, charts and claims that show consumers as
 * {@code c0, c1, ...}: the runner names a group's consumers {@code <group>-c<i>}, and groups differ per run.
 */
final class ConsumerNames {

    private ConsumerNames() {
    }

    /** {@code hotkey-...-group-c2} -> {@code c2}: the runner names consumers {@code <group>-c<i>}. */
    static String shortName(String clientId) {
        int dash = clientId.lastIndexOf('-');
        return dash >= 0 && dash < clientId.length() - 1 ? clientId.substring(dash + 1) : clientId;
    }

    /** The group's consumers as c0, c1, ... (results.json does not keep the map's order). */
    static List<ConsumerStats> inOrder(ExperimentResult r) {
        return r.spread().perConsumer().values().stream().sorted(java.util.Comparator
                .comparingInt((ConsumerStats c) -> index(shortName(c.clientId())))
                .thenComparing(ConsumerStats::clientId)).toList();
    }

    /** {@code c2} -> 2; names that are not {@code c<i>} sort after all that are. */
    static int index(String shortName) {
        try {
            return Integer.parseInt(shortName.startsWith("c") ? shortName.substring(1) : shortName);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
