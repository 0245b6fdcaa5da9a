package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.report.ClaimsChecked.Claim;
import dev.hotkeylab.report.ClaimsChecked.Verdict;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How a claim's verdict is worded from which strategies it holds for: "holds for all", "holds only for ..., not for
 * ...", "does not hold for any of ...", or "not measured: needs ...". The seed's own salting is marked as such.
 */
final class Verdicts {

    private Verdicts() {
    }

    static Claim bySalted(String id, String claim, String measured, List<ExperimentResult> salted,
            Predicate<ExperimentResult> holds) {
        if (salted.isEmpty()) {
            return notMeasured(id, claim, "a salted strategy");
        }
        return verdictOver(id, claim, measured, salted.stream().map(r -> r.setup().strategy()).toList(),
                salted.stream().filter(holds).map(r -> r.setup().strategy()).toList());
    }

    static Claim verdictOver(String id, String claim, String measured, List<String> all, List<String> holds) {
        if (all.isEmpty()) {
            return notMeasured(id, claim, "a salted strategy");
        }
        List<String> not = all.stream().filter(s -> !holds.contains(s)).toList();
        if (not.isEmpty()) {
            return new Claim(id, claim, measured, Verdict.HOLDS, holds,
                    "holds" + (all.size() > 1 ? " for " + names(all) : " for " + all.get(0)));
        }
        if (holds.isEmpty()) {
            return new Claim(id, claim, measured, Verdict.DOES_NOT_HOLD, holds,
                    "does not hold" + (all.size() > 1 ? " for any of " + names(all) : " for " + all.get(0)));
        }
        return new Claim(id, claim, measured, Verdict.HOLDS_ONLY_FOR, holds,
                "holds only for " + names(holds) + "; not for " + names(not));
    }

    static Claim single(String id, String claim, String measured, boolean holds, String strategy) {
        return new Claim(id, claim, measured, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                holds ? List.of(strategy) : List.of(), holds ? "holds" : "does not hold");
    }

    static Claim notMeasured(String id, String claim, String needs) {
        return new Claim(id, claim, "-", Verdict.NOT_MEASURED, List.of(), "not measured: needs " + needs);
    }

    static String names(List<String> strategies) {
        return strategies.stream().map(s -> s.equals(ClaimsChecked.SEED_SALT) ? s + " (the seed's)" : s)
                .collect(Collectors.joining(", "));
    }
}
