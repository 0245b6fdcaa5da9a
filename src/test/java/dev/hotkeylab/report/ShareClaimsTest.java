package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.experiment.ConsumerStats;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ShareSummary;
import dev.hotkeylab.report.ClaimsChecked.Claim;
import dev.hotkeylab.report.ClaimsChecked.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Claims about share groups are computed from the runs")
class ShareClaimsTest {

    private static final String KEY = Synthetic.KEY;
    private static final ShareSummary SHARE = new ShareSummary("share", 0, 0, 0, 5, 30_000, -1);

    private static Claim claim(List<Claim> claims, String id) {
        return claims.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** FIXED_KEY consumed by {@code members}, each listed with its partitions and records. */
    private static ExperimentResult fixed(double throughput, ShareSummary share, Map<List<Integer>, Long> members) {
        ExperimentResult r = Synthetic.result("FIXED_KEY", KEY, List.of(0L, 0L, 1000L), Map.of(KEY, 2), throughput,
                share.share() ? 600 : 0, 0);
        Map<String, ConsumerStats> consumers = new LinkedHashMap<>();
        List<Map.Entry<List<Integer>, Long>> list = new ArrayList<>(members.entrySet());
        for (int i = 0; i < list.size(); i++) {
            consumers.put("m" + i, new ConsumerStats("m" + i, list.get(i).getKey(), list.get(i).getValue(), 0,
                    List.of()));
        }
        int active = (int) consumers.values().stream().filter(ConsumerStats::active).count();
        ExperimentResult.Spread spread = r.spread();
        ExperimentResult.Setup setup = r.setup();
        return new ExperimentResult(
                new ExperimentResult.Setup(setup.strategy(), setup.strategyDescription(), setup.key(),
                        setup.partitions(), setup.messages(), consumers.size(), setup.saltBuckets(), setup.seed(),
                        setup.users(), setup.serviceTimeMillis(), setup.topic(), setup.group()),
                r.distribution(),
                new ExperimentResult.Spread(consumers, active, spread.idlePartitions(), spread.maxOverMean(),
                        spread.coefficientOfVariation()),
                new ExperimentResult.Timing(r.timing().drainMillis(), throughput, r.timing().latency()),
                r.ordering(), r.consumption(), r.leaderLoad(), r.perConcert(), r.adaptive(), share,
                r.brokerTraffic());
    }

    private static Map<List<Integer>, Long> members(long... recordsOnPartition2) {
        Map<List<Integer>, Long> m = new LinkedHashMap<>();
        m.put(List.of(0), 0L);
        m.put(List.of(1), 0L);
        for (int i = 0; i < recordsOnPartition2.length; i++) {
            m.put(List.of(2, 100 + i), recordsOnPartition2[i]); // distinct keys; partition 100+ never has records
        }
        return m;
    }

    @Test
    @DisplayName("3 share members on the hot partition at 2.9x: one per partition holds only for consumer groups, "
            + "and scaling does not need a key change")
    void shareGroupScalesTheHotPartition() {
        List<ExperimentResult> runs = new ArrayList<>(Synthetic.javaClientRun(KEY));
        runs.add(fixed(510, SHARE, members(330, 340, 330)));

        List<Claim> claims = ClaimsChecked.check(runs, Optional.empty());

        assertThat(claim(claims, "one-consumer-per-partition")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.HOLDS_ONLY_FOR);
            assertThat(c.holdsFor()).containsExactly("consumer groups");
            assertThat(c.measured()).contains("consumer group 1 of 3", "share group 3 of 5");
        });
        assertThat(claim(claims, "scaling-needs-key-change")).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
            assertThat(c.measured()).contains("2.91x", "PARTITION_AWARE_SALT");
        });
        // The classic claims still read the consumer group's FIXED_KEY, not the share group's.
        assertThat(claim(claims, "fixed-key-one-consumer").verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("One share member on the hot partition: both claims hold in that run")
    void oneShareMemberOnTheHotPartition() {
        List<ExperimentResult> runs = new ArrayList<>(Synthetic.javaClientRun(KEY));
        runs.add(fixed(160, SHARE, members(1000)));

        List<Claim> claims = ClaimsChecked.check(runs, Optional.empty());

        assertThat(claim(claims, "one-consumer-per-partition").verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(claim(claims, "scaling-needs-key-change").verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("Without a share run a report has no share rows; a share run without the classic FIXED_KEY is not "
            + "measured")
    void withoutShareRun() {
        assertThat(ClaimsChecked.check(Synthetic.javaClientRun(KEY), Optional.empty()))
                .extracting(Claim::id).doesNotContain("one-consumer-per-partition", "scaling-needs-key-change");

        List<Claim> claims = ClaimsChecked.check(List.of(fixed(510, SHARE, members(330, 340, 330))),
                Optional.empty());
        assertThat(claim(claims, "one-consumer-per-partition").verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(claim(claims, "scaling-needs-key-change").verdict()).isEqualTo(Verdict.NOT_MEASURED);
    }
}
