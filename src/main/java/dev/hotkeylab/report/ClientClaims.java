package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.report.ClaimsChecked.Claim;
import dev.hotkeylab.report.ClaimsChecked.Verdict;
import dev.hotkeylab.whatif.ClientModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The claims' view of other clients' partitioners: rows measured by producing with each real client (the cross-client
 * test's {@code clients.json}), and where a modelled client would put a run's salted keys.
 */
final class ClientClaims {

    private ClientClaims() {
    }

    /**
     * One row per real client from the cross-client test's {@code clients.json}: does that client put the seed's
     * {@code _0.._2} on every partition? Measured by producing with the client itself, not modelled.
     */
    static List<Claim> of(Object clientsSection) {
        if (!(clientsSection instanceof com.fasterxml.jackson.databind.JsonNode json) || !json.has("clients")) {
            return List.of();
        }
        List<Claim> rows = new java.util.ArrayList<>();
        List<String> keys = new java.util.ArrayList<>();
        json.get("keys").forEach(k -> keys.add(k.asText()));
        for (com.fasterxml.jackson.databind.JsonNode c : json.get("clients")) {
            String client = c.path("client").asText();
            String library = c.path("library").asText("");
            String claim = "Salting spreads the seed's keys over partitions 0, 1 and 2 with "
                    + (library.isBlank() ? client : library);
            com.fasterxml.jackson.databind.JsonNode observed = c.path("observed");
            if (observed.isMissingNode() || observed.isNull() || observed.isEmpty()) {
                rows.add(new Claim("client-" + client, claim, "-", Verdict.NOT_MEASURED, List.of(),
                        "not measured here: " + c.path("skipped").asText("the client did not run")));
                continue;
            }
            String measured = keys.stream().skip(1).map(k -> suffix(k) + " -> " + observed.path(k).asText("?"))
                    .collect(Collectors.joining(", ")) + " (produced by the client itself; "
                    + (c.path("agrees").asBoolean() ? "the whatif model agrees" : "the whatif model DISAGREES") + ")";
            boolean spread = c.path("saltedSpreadOverAllPartitions").asBoolean();
            rows.add(new Claim("client-" + client, claim, measured, spread ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                    spread ? List.of(client) : List.of(), spread ? "holds for " + client
                            : "does not hold for " + client + ": a partition gets none of the salted keys"));
        }
        return rows;
    }

    private static String suffix(String key) {
        int i = key.lastIndexOf('_');
        return i < 0 ? key : key.substring(i);
    }

    /**
     * Where another client's partitioner (a model, not a run) would put the same salted keys, e.g. KafkaJS's legacy
     * one, which the seed's picture matches.
     */
    static String otherClient(ExperimentResult r, ClientModel client) {
        List<String> keys = r.distribution().keyPartitions().keySet().stream().sorted().toList();
        if (keys.isEmpty() || keys.size() > 8) {
            return "";
        }
        java.util.Set<Integer> covered = new java.util.TreeSet<>();
        String placed = keys.stream().map(k -> {
            int p = client.partitionFor(k, r.setup().partitions());
            covered.add(p);
            return k + " → " + p;
        }).collect(Collectors.joining(", "));
        return "; under " + client.cliName() + "'s partitioner (modelled, not run) " + r.setup().strategy()
                + "'s keys would land " + placed
                + (covered.size() == r.setup().partitions() ? ", covering every partition" : ", leaving partitions empty too");
    }
}
