package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ConsumerStats;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.report.ClaimsChecked.Claim;
import dev.hotkeylab.report.ClaimsChecked.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The claims that share groups (KIP-932, Kafka >= 4.2) answer differently, computed from the runs like
 * {@link ClaimsChecked}'s: "only one consumer can process a partition at a time" and "scaling needs a key change".
 * Runs with {@code --group-type share} are checked here (no rows without such a run); the other claims see only
 * consumer-group runs.
 */
final class ShareClaims {

    /** A share group's fixed key counts as scaled when it beats the consumer group's by this factor. */
    static final double SCALED_FACTOR = 1.5;

    static final String CONSUMER_GROUP = "consumer groups";
    static final String SHARE_GROUP = "share groups";

    private ShareClaims() {
    }

    static boolean isShare(ExperimentResult r) {
        return r.share().share();
    }

    /** The share-group claims; none when no run used a share group (a classic report keeps its rows). */
    static List<Claim> check(List<ExperimentResult> classic, List<ExperimentResult> share) {
        if (share.isEmpty()) {
            return List.of();
        }
        Optional<ExperimentResult> classicFixed = classic.stream().filter(ClaimsChecked::isBaseline).findFirst();
        Optional<ExperimentResult> shareFixed = share.stream().filter(ClaimsChecked::isBaseline).findFirst();
        return List.of(onePerPartition(classicFixed, shareFixed), keyChange(classic, classicFixed, shareFixed, share));
    }


    /** The partition with the most records. */
    static int hottest(ExperimentResult r) {
        int hot = 0;
        for (int p = 1; p < r.setup().partitions(); p++) {
            if (r.onPartition(p) > r.onPartition(hot)) {
                hot = p;
            }
        }
        return hot;
    }

    /** Members that processed records and were assigned the hottest partition. */
    static long activeOnHottest(ExperimentResult r) {
        int hot = hottest(r);
        return r.spread().perConsumer().values().stream().filter(ConsumerStats::active)
                .filter(c -> c.partitions().contains(hot)).count();
    }

    private static Claim onePerPartition(Optional<ExperimentResult> classic, Optional<ExperimentResult> share) {
        String id = "one-consumer-per-partition";
        String claim = "Only one consumer can process a partition at a time";
        if (classic.isEmpty() || share.isEmpty()) {
            return new Claim(id, claim, "-", Verdict.NOT_MEASURED, List.of(), "not measured: needs FIXED_KEY with "
                    + "--group-type classic,share");
        }
        ExperimentResult c = classic.get();
        ExperimentResult s = share.get();
        long onC = activeOnHottest(c);
        long onS = activeOnHottest(s);
        String measured = String.format(Locale.ROOT, "FIXED_KEY, all records on partition %d: consumer group %d of %d "
                + "members active on it; share group %d of %d (%s)", hottest(s), onC, c.setup().consumers(), onS,
                s.setup().consumers(), members(s));
        boolean holdsClassic = onC <= 1;
        boolean holdsShare = onS <= 1;
        if (holdsClassic && !holdsShare) {
            return new Claim(id, claim, measured, Verdict.HOLDS_ONLY_FOR, List.of(CONSUMER_GROUP),
                    "holds only for " + CONSUMER_GROUP + "; not for " + SHARE_GROUP + " (Kafka >= 4.2)");
        }
        if (holdsClassic) {
            return new Claim(id, claim, measured, Verdict.HOLDS, List.of(CONSUMER_GROUP, SHARE_GROUP),
                    "holds in this run for both: the share assignor gave the hot partition one member (members "
                            + "spread evenly over partitions; add members to put several on it)");
        }
        return new Claim(id, claim, measured, Verdict.DOES_NOT_HOLD, List.of(), "does not hold");
    }

    private static Claim keyChange(List<ExperimentResult> classic, Optional<ExperimentResult> classicFixed,
            Optional<ExperimentResult> shareFixed, List<ExperimentResult> share) {
        String id = "scaling-needs-key-change";
        String claim = "Scaling past one busy consumer needs a key change";
        List<ExperimentResult> salted = classic.stream().filter(ClaimsChecked::spreadsHotKey).toList();
        if (classicFixed.isEmpty() || shareFixed.isEmpty()) {
            return new Claim(id, claim, "-", Verdict.NOT_MEASURED, List.of(), "not measured: needs FIXED_KEY with "
                    + "--group-type classic,share");
        }
        ExperimentResult c = classicFixed.get();
        ExperimentResult s = shareFixed.get();
        double speedup = s.timing().throughputPerSecond() / Math.max(c.timing().throughputPerSecond(), 1e-9);
        String measured = String.format(Locale.ROOT, "same key, share group of %d: %.2fx the consumer group's "
                + "throughput (%.0f vs %.0f rec/s), %s of the records on one leader", s.setup().consumers(), speedup,
                s.timing().throughputPerSecond(), c.timing().throughputPerSecond(), hottestLeaderShare(s))
                + salted.stream().map(r -> String.format(Locale.ROOT, "; %s (consumer group): %.2fx, %s on the "
                        + "busiest leader, %d partitions used", r.setup().strategy(),
                        r.timing().throughputPerSecond() / Math.max(c.timing().throughputPerSecond(), 1e-9), hottestLeaderShare(r),
                        r.setup().partitions() - r.spread().idlePartitions().size())).collect(Collectors.joining());
        if (speedup >= SCALED_FACTOR && activeOnHottest(s) > 1) {
            return new Claim(id, claim, measured, Verdict.DOES_NOT_HOLD, List.of(),
                    "does not hold: share groups scale the consumers without touching the key; only salting "
                            + "scales the partition and the broker");
        }
        return new Claim(id, claim, measured, Verdict.HOLDS, List.of(CONSUMER_GROUP, SHARE_GROUP), String.format(
                Locale.ROOT, "holds in this run: the share group reached %.2fx (needs >= %.1fx with several members "
                        + "on the hot partition)", speedup, SCALED_FACTOR));
    }

    /** How much of the topic's records the busiest leader took, e.g. "100 %". */
    private static String hottestLeaderShare(ExperimentResult r) {
        long total = r.leaderLoad().leaderRecordsByBroker().values().stream().mapToLong(Long::longValue).sum();
        long max = r.leaderLoad().leaderRecordsByBroker().values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (total == 0) {
            return "-";
        }
        String brokers = r.leaderLoad().leaderRecordsByBroker().size() == 1 ? " (1 broker)" : "";
        return String.format(Locale.ROOT, "%.0f %%%s", 100.0 * max / total, brokers);
    }

    private static String members(ExperimentResult r) {
        return r.spread().perConsumer().values().stream().filter(ConsumerStats::active)
                .map(c -> String.valueOf(c.records())).collect(Collectors.joining(" / ")) + " records";
    }
}
