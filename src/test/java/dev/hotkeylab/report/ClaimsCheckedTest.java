package dev.hotkeylab.report;

import static dev.hotkeylab.report.Synthetic.KEY;
import static dev.hotkeylab.report.Synthetic.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.report.ClaimsChecked.Claim;
import dev.hotkeylab.report.ClaimsChecked.Verdict;
import dev.hotkeylab.whatif.ClientModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The verdicts follow the numbers, in both directions, with synthetic results (no broker). */
@DisplayName("Claims checked: verdicts computed from the results")
class ClaimsCheckedTest {

    private static Claim claim(List<Claim> claims, String id) {
        return claims.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("the Java client's numbers: fixed key on one partition, the seed's salting leaves partition 0 empty")
    void javaClientNumbers() {
        List<Claim> claims = ClaimsChecked.check(Synthetic.javaClientRun(KEY), Optional.empty());

        assertThat(claim(claims, "fixed-key-one-partition")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.HOLDS);
            assertThat(c.measured()).contains("0 / 0 / 1000").contains("all 1000 on partition 2");
        });
        assertThat(claim(claims, "fixed-key-one-consumer").verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(claim(claims, "salting-spreads-evenly")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.HOLDS_ONLY_FOR);
            assertThat(c.holdsFor()).containsExactly("PARTITION_AWARE_SALT", "ENTITY_SALT");
            assertThat(c.measured()).contains(KEY + "_0 → 2", KEY + "_1 → 1", KEY + "_2 → 2", "partition 0 empty");
            assertThat(c.verdictText()).contains("not for RANDOM_SALT (the seed's)")
                    .contains("under kafkajs-legacy's partitioner (modelled, not run) RANDOM_SALT's keys would land "
                            + KEY + "_0 → " + ClientModel.KAFKAJS_LEGACY.partitionFor(KEY + "_0", 3));
        });
        assertThat(claim(claims, "salting-all-consumers-work")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.HOLDS_ONLY_FOR);
            assertThat(c.holdsFor()).containsExactly("PARTITION_AWARE_SALT", "ENTITY_SALT");
            assertThat(c.measured()).contains("RANDOM_SALT: 2 of 3 active");
        });
        // 544 / 175 = 3.11 >= 2.85; ENTITY_SALT 484 / 175 = 2.77 and RANDOM_SALT 1.62 fall short.
        assertThat(claim(claims, "salting-triples-throughput")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.HOLDS_ONLY_FOR);
            assertThat(c.holdsFor()).containsExactly("PARTITION_AWARE_SALT");
            assertThat(c.measured()).startsWith("run,").contains("PARTITION_AWARE_SALT 3.11x", "ENTITY_SALT 2.77x");
        });
        assertThat(claim(claims, "salting-loses-concert-order")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.HOLDS);
            assertThat(c.holdsFor()).containsExactly("RANDOM_SALT", "PARTITION_AWARE_SALT", "ENTITY_SALT");
        });
        assertThat(claim(claims, "salting-loses-user-order")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.HOLDS_ONLY_FOR);
            assertThat(c.holdsFor()).containsExactly("RANDOM_SALT", "PARTITION_AWARE_SALT");
            assertThat(c.verdictText()).endsWith("not for ENTITY_SALT");
            assertThat(c.measured()).contains("ENTITY_SALT 0");
        });
    }

    @Test
    @DisplayName("numbers where the seed would be right: every claim about salting holds, none about the fixed key")
    void theOtherDirection() {
        List<ExperimentResult> results = List.of(
                result("FIXED_KEY", KEY, List.of(500L, 0L, 500L), Map.of(KEY, 2), 350, 0, 0),
                result("RANDOM_SALT", KEY, List.of(333L, 334L, 333L),
                        Map.of(KEY + "_0", 0, KEY + "_1", 1, KEY + "_2", 2), 1050, 0, 0));

        List<Claim> claims = ClaimsChecked.check(results, Optional.empty());

        assertThat(claim(claims, "fixed-key-one-partition").verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(claim(claims, "fixed-key-one-consumer").verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(claim(claims, "salting-spreads-evenly")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.HOLDS);
            assertThat(c.verdictText()).doesNotContain("kafkajs");
        });
        assertThat(claim(claims, "salting-all-consumers-work").verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(claim(claims, "salting-triples-throughput").verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(claim(claims, "salting-loses-concert-order").verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(claim(claims, "salting-loses-user-order").verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
    }

    @Test
    @DisplayName("an uneven spread with no idle partition is not even: max/mean above 1.2 fails")
    void unevenButNoIdlePartition() {
        List<ExperimentResult> results = List.of(
                result("RANDOM_SALT", KEY, List.of(200L, 300L, 500L), Map.of(KEY + "_0", 0), 500, 1, 1));

        Claim c = claim(ClaimsChecked.check(results, Optional.empty()), "salting-spreads-evenly");

        assertThat(c.verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(c.measured()).contains("max/mean 1.50");
    }

    @Test
    @DisplayName("max/mean exactly at the 1.2 bar counts as even (300 / 300 / 400)")
    void evenAtTheBar() {
        Claim c = claim(ClaimsChecked.check(List.of(result("ADAPTIVE", KEY, List.of(300L, 300L, 400L), Map.of(KEY, 2),
                500, 1, 1)), Optional.empty()), "salting-spreads-evenly");
        assertThat(c.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("the run's own numbers decide \"triples\"; a benchmark from another time is shown beside, never as the verdict")
    void runDecidesTriplesBenchIsShownBeside() {
        List<ExperimentResult> run = Synthetic.javaClientRun(KEY);

        Claim withLowBench = claim(ClaimsChecked.check(run, Optional.of(Synthetic.bench(2.84)), "this run, T1"),
                "salting-triples-throughput");
        Claim withoutBench = claim(ClaimsChecked.check(run, Optional.empty(), "this run, T1"),
                "salting-triples-throughput");

        assertThat(withLowBench.verdict()).as("the run says 3.11x; the bench's 2.84x does not change it")
                .isEqualTo(withoutBench.verdict()).isEqualTo(Verdict.HOLDS_ONLY_FOR);
        assertThat(withLowBench.source()).isEqualTo("this run, T1");
        assertThat(withLowBench.measured()).startsWith("run,").contains("needs >= 2.85x")
                .contains("for comparison, not this verdict: bench of ").contains("PARTITION_AWARE_SALT 2.84x");
    }

    @Test
    @DisplayName("a report with only a benchmark takes \"triples\" from it, with 95% of 3 as the bar, and says which")
    void benchOnlyDecidesTriples() {
        Claim below = claim(ClaimsChecked.check(List.of(), Optional.of(Synthetic.bench(2.84))),
                "salting-triples-throughput");
        Claim above = claim(ClaimsChecked.check(List.of(), Optional.of(Synthetic.bench(2.86))),
                "salting-triples-throughput");

        assertThat(below.verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(below.measured()).startsWith("bench of ").contains("PARTITION_AWARE_SALT 2.84x", "needs >= 2.85x");
        assertThat(below.source()).startsWith("bench, ");
        assertThat(above.verdict()).isEqualTo(Verdict.HOLDS_ONLY_FOR);
        assertThat(above.holdsFor()).containsExactly("PARTITION_AWARE_SALT");
    }

    @Test
    @DisplayName("what was not run is \"not measured\", never a verdict")
    void notMeasured() {
        List<Claim> benchOnly = ClaimsChecked.check(List.of(), Optional.of(Synthetic.bench(3.0)));
        List<Claim> fixedOnly = ClaimsChecked.check(
                List.of(result("FIXED_KEY", KEY, List.of(0L, 0L, 1000L), Map.of(KEY, 2), 175, 0, 0)),
                Optional.empty());

        assertThat(benchOnly).filteredOn(c -> !c.id().equals("salting-triples-throughput"))
                .extracting(Claim::verdict).containsOnly(Verdict.NOT_MEASURED);
        assertThat(claim(benchOnly, "salting-triples-throughput").verdict()).isEqualTo(Verdict.HOLDS_ONLY_FOR);
        assertThat(fixedOnly).filteredOn(c -> c.id().startsWith("salting"))
                .extracting(Claim::verdict).containsOnly(Verdict.NOT_MEASURED);
        assertThat(claim(fixedOnly, "fixed-key-one-partition").verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("the table has one row per claim: claim, measured, verdict, and the run the numbers came from")
    void table() {
        List<Claim> claims = ClaimsChecked.check(Synthetic.javaClientRun(KEY), Optional.empty());
        TextTable t = ClaimsChecked.table(claims);
        assertThat(t.header()).containsExactly("claim", "measured", "verdict", "numbers from");
        assertThat(t.rows()).hasSize(claims.size()).allSatisfy(r -> assertThat(r).hasSize(4));
        assertThat(t.rows()).filteredOn(r -> !r.get(2).startsWith("not measured"))
                .allSatisfy(r -> assertThat(r.get(3)).isEqualTo(ClaimsChecked.THIS_RUN));
    }
}
