package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ScalingPoint;
import dev.hotkeylab.experiment.ScalingResult;
import dev.hotkeylab.keys.Strategies;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.StrategyKind;
import dev.hotkeylab.keys.StrategyType;
import dev.hotkeylab.metrics.Skew;
import dev.hotkeylab.whatif.ClientModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The seed's claims next to what was measured, with a verdict computed from the results: nothing here knows which way
 * a claim "should" go, so a different partitioner, key or run changes the verdicts with the numbers. A claim about
 * "salting" is checked for every salted strategy that ran; it holds when it holds for all of them, holds only for some,
 * or does not hold for any. RANDOM_SALT is the seed's own design.
 */
public final class ClaimsChecked {

    /** How a claim fared. */
    public enum Verdict {
        HOLDS("holds"), HOLDS_ONLY_FOR("holds only for"), DOES_NOT_HOLD("does not hold"), NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One row of the table; serialized in {@code results.json}'s {@code claims} section.
     *
     * @param holdsFor the strategies the claim holds for (for a claim about salting, a subset of the salted ones)
     * @param source   the one run whose numbers gave the verdict ("this run, 2026-...", "bench, 2026-...", or the tool
     *                 that measured it); empty when not measured
     */
    public record Claim(String id, String claim, String measured, Verdict verdict, List<String> holdsFor,
            String verdictText, String source) {

        public Claim {
            holdsFor = List.copyOf(holdsFor);
            source = source == null ? "" : source;
        }

        public Claim(String id, String claim, String measured, Verdict verdict, List<String> holdsFor,
                String verdictText) {
            this(id, claim, measured, verdict, holdsFor, verdictText, "");
        }

        /** The same claim with the run its numbers came from, unless it already names one or was not measured. */
        Claim from(String run) {
            return verdict == Verdict.NOT_MEASURED || !source.isEmpty() ? this
                    : new Claim(id, claim, measured, verdict, holdsFor, verdictText, run);
        }
    }

    /** How the claims table names the run a verdict came from when the caller does not say. */
    public static final String THIS_RUN = "this run";

    /** The baseline the claims name when none ran. */
    public static final String FIXED = Strategy.FIXED_KEY.name();
    /** The seed's salting. */
    public static final String SEED_SALT = Strategy.RANDOM_SALT.name();
    /** "Triples" (or "multiplies by N"): a speed-up of at least 95% of N. */
    public static final double LINEAR_FRACTION = 0.95;
    /** The consumer count the seed's "triples" is about. */
    public static final int SEED_CONSUMERS = 3;

    private ClaimsChecked() {
    }

    public static List<Claim> check(List<ExperimentResult> all, Optional<ScalingResult> bench) {
        return check(all, bench, THIS_RUN);
    }

    /**
     * The seed's claims, each decided by the numbers of one run: the experiments of {@code run} where they measured
     * what the claim needs, else the benchmark (for "triples", when the run has no 3-consumer comparison). A benchmark
     * from another time is shown beside the run's verdict, never as it.
     *
     * @param run how to name the run the experiments come from, e.g. "this run, 2026-11-30T22:10:00Z"
     */
    public static List<Claim> check(List<ExperimentResult> all, Optional<ScalingResult> bench, String run) {
        // One run per strategy: runs repeated against several inventory stores spread keys the same way.
        Map<String, ExperimentResult> first = new java.util.LinkedHashMap<>();
        all.stream().filter(r -> !ShareClaims.isShare(r)).forEach(r -> first.putIfAbsent(r.setup().strategy(), r));
        List<ExperimentResult> results = List.copyOf(first.values());
        Optional<ExperimentResult> fixed = results.stream().filter(ClaimsChecked::isBaseline).findFirst();
        List<ExperimentResult> salted = results.stream().filter(ClaimsChecked::spreadsHotKey).toList();
        List<Claim> claims = new ArrayList<>();
        claims.add(fixedOnePartition(fixed));
        claims.add(fixedOneConsumer(fixed));
        claims.add(evenSpread(salted));
        claims.add(allConsumers(salted));
        claims.add(triples(results, fixed, salted, bench));
        claims.add(ordering("salting-loses-concert-order", "Salting loses the order of the concert's requests",
                "out of order per concert", results, salted, r -> r.ordering().orderingViolationsPerConcert()));
        claims.add(ordering("salting-loses-user-order", "Salting loses the order of each user's requests",
                "out of order per user", results, salted, r -> r.ordering().orderingViolationsPerUser()));
        claims.addAll(ShareClaims.check(results, all.stream().filter(ShareClaims::isShare).toList()));
        return claims.stream().map(c -> c.from(run)).toList();
    }

    /**
     * What the claims take a run for: the {@link StrategyKind} its strategy declares. A {@link StrategyKind#BASELINE}
     * run is "the fixed key"; every strategy that {@link StrategyKind#spreadsHotKey() spreads the hot key} (a salted
     * key, or a partitioner such as ADAPTIVE) is checked against the seed's claims about salting, as it always was. A
     * strategy name no longer known (an old results.json) is in neither group: the claims cannot say what it was.
     */
    static Optional<StrategyKind> kind(ExperimentResult r) {
        return Strategies.find(r.setup().strategy()).map(StrategyType::kind);
    }

    /** Whether {@code r}'s strategy is a {@link StrategyKind#BASELINE}: the claims' "fixed key". */
    public static boolean isBaseline(ExperimentResult r) {
        return kind(r).filter(k -> k == StrategyKind.BASELINE).isPresent();
    }

    /** Whether {@code r}'s strategy tries to spread the hot key: what the claims about salting are checked for. */
    public static boolean spreadsHotKey(ExperimentResult r) {
        return kind(r).filter(StrategyKind::spreadsHotKey).isPresent();
    }

    /**
     * The claims of a report, decided by its own run (or its benchmark, for a bench-only report). What other tools
     * measured (the cross-client test's {@link #perClient} rows) is shown apart, with where and when it was measured.
     */
    public static List<Claim> all(RunReport report) {
        return check(report.experiments(), ReportSections.bench(report), THIS_RUN + ", " + report.generatedAt());
    }

    /** Per-client rows from the cross-client test's {@code clients.json}; see {@link ClientClaims#of}. */
    public static List<Claim> perClient(Object clientsSection) {
        return ClientClaims.of(clientsSection);
    }

    /** The claims as a table: claim, measured, verdict, and the run the numbers came from. */
    public static TextTable table(List<Claim> claims) {
        return new TextTable(List.of("claim", "measured", "verdict", "numbers from"),
                claims.stream().map(c -> List.of(c.claim(), c.measured(), c.verdictText(),
                        c.source().isEmpty() ? "-" : c.source())).toList());
    }

    private static Claim fixedOnePartition(Optional<ExperimentResult> fixed) {
        return aboutFixed("fixed-key-one-partition", "A fixed key sends every request to one partition", fixed, r -> {
            List<Integer> used = IntStream.range(0, r.setup().partitions()).filter(p -> r.onPartition(p) > 0).boxed().toList();
            return r.setup().strategy() + ": " + counts(r) + (used.size() == 1
                    ? " (all " + total(r) + " on partition " + used.get(0) + ")"
                    : " (" + used.size() + " partitions used)");
        }, r -> IntStream.range(0, r.setup().partitions()).filter(p -> r.onPartition(p) > 0).count() == 1);
    }

    private static Claim fixedOneConsumer(Optional<ExperimentResult> fixed) {
        return aboutFixed("fixed-key-one-consumer", "With a fixed key only one consumer works; the others idle", fixed,
                r -> r.setup().strategy() + ": " + r.spread().activeConsumers() + " of " + r.setup().consumers() + " consumers processed "
                        + "records (" + consumerCounts(r) + ")",
                r -> r.spread().activeConsumers() == 1 && r.setup().consumers() > 1);
    }

    /** A claim about the baseline run alone: not measured without one. */
    private static Claim aboutFixed(String id, String claim, Optional<ExperimentResult> fixed,
            Function<ExperimentResult, String> measured, Predicate<ExperimentResult> holds) {
        return fixed.map(r -> Verdicts.single(id, claim, measured.apply(r), holds.test(r), r.setup().strategy()))
                .orElseGet(() -> Verdicts.notMeasured(id, claim, FIXED));
    }

    private static Claim evenSpread(List<ExperimentResult> salted) {
        String id = "salting-spreads-evenly";
        int partitions = salted.isEmpty() ? 3 : salted.get(0).setup().partitions();
        String claim = "Salting spreads the key evenly across partitions " + partitionList(partitions);
        // "Evenly" is the complement of the project's one "uneven" rule (Skew.UNEVEN_MAX_OVER_MEAN, 1.2).
        Predicate<ExperimentResult> even = r -> !Skew.uneven(r.spread().idlePartitions().size(), r.spread().maxOverMean());
        String measured = salted.stream().map(r -> {
            String s = r.setup().strategy() + ": " + counts(r);
            if (r.setup().strategy().equals(SEED_SALT) && r.distribution().keyPartitions().size() <= 8) {
                s += " (" + r.distribution().keyPartitions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.joining(", ")) + ")";
            }
            if (!r.spread().idlePartitions().isEmpty()) {
                s += "; partition" + (r.spread().idlePartitions().size() == 1 ? " " : "s ")
                        + r.spread().idlePartitions().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " empty";
            } else {
                s += String.format(Locale.ROOT, "; max/mean %.2f", r.spread().maxOverMean());
            }
            return s;
        }).collect(Collectors.joining("; "));
        Claim c = Verdicts.bySalted(id, claim, measured, salted, even);
        Optional<ExperimentResult> seedSalt = salted.stream().filter(r -> r.setup().strategy().equals(SEED_SALT)).findFirst();
        if (seedSalt.isPresent() && !c.holdsFor().contains(SEED_SALT)) {
            c = new Claim(c.id(), c.claim(), c.measured(), c.verdict(), c.holdsFor(), c.verdictText()
                    + ClientClaims.otherClient(seedSalt.get(), ClientModel.KAFKAJS_LEGACY));
        }
        return c;
    }

    private static Claim allConsumers(List<ExperimentResult> salted) {
        String id = "salting-all-consumers-work";
        int consumers = salted.isEmpty() ? SEED_CONSUMERS : salted.get(0).setup().consumers();
        String claim = "Salting lets all " + consumers + " consumers work in parallel";
        String measured = salted.stream().map(r -> r.setup().strategy() + ": " + r.spread().activeConsumers() + " of " + r.setup().consumers()
                + " active").collect(Collectors.joining("; "));
        return Verdicts.bySalted(id, claim, measured, salted, r -> r.spread().activeConsumers() == r.setup().consumers());
    }

    private static Claim triples(List<ExperimentResult> results, Optional<ExperimentResult> fixed,
            List<ExperimentResult> salted, Optional<ScalingResult> bench) {
        String id = "salting-triples-throughput";
        String claim = "Salting triples the throughput (" + SEED_CONSUMERS + " consumers)";
        double needed = LINEAR_FRACTION * SEED_CONSUMERS;
        String rule = String.format(Locale.ROOT, "needs >= %.2fx", needed);
        Optional<ScalingResult> atThree = bench.filter(b -> b.point(SEED_CONSUMERS, b.baseline()).isPresent());
        boolean runHasThree = fixed.isPresent() && fixed.get().setup().consumers() == SEED_CONSUMERS
                && fixed.get().setup().partitions() >= SEED_CONSUMERS && fixed.get().timing().throughputPerSecond() > 0;
        if (runHasThree && !salted.isEmpty()) {
            // The run's own numbers decide; a benchmark made at another time is shown beside them, not as the verdict.
            double base = fixed.get().timing().throughputPerSecond();
            ExperimentResult f = fixed.get();
            String measured = String.format(Locale.ROOT, "run, %d consumers, %d requests, %.1f ms each: %s %.0f "
                    + "rec/s; ", f.setup().consumers(), f.setup().messages(), f.setup().serviceTimeMillis(), f.setup().strategy(), base)
                    + salted.stream().map(r -> String.format(Locale.ROOT, "%s %.2fx", r.setup().strategy(),
                            r.timing().throughputPerSecond() / base)).collect(Collectors.joining(", ")) + " (" + rule + ")"
                    + atThree.map(b -> "; for comparison, not this verdict: " + benchFigures(b)).orElse("");
            return Verdicts.bySalted(id, claim, measured, salted, r -> r.timing().throughputPerSecond() / base >= needed);
        }
        if (atThree.isPresent()) {
            ScalingResult b = atThree.get();
            List<String> strategies = b.strategies().stream()
                    .filter(s -> b.point(SEED_CONSUMERS, s).isPresent()).toList();
            List<String> holds = strategies.stream()
                    .filter(s -> b.speedup(SEED_CONSUMERS, s).orElse(0.0) >= needed).toList();
            return Verdicts.verdictOver(id, claim, benchFigures(b) + " (" + rule + ")", strategies, holds)
                    .from("bench, " + b.generatedAt());
        }
        return Verdicts.notMeasured(id, claim, "FIXED_KEY and a salted strategy with " + SEED_CONSUMERS
                + " consumers (or ./hotkey-lab bench)");
    }

    /** The benchmark's figures at N = 3, saying which benchmark. */
    private static String benchFigures(ScalingResult b) {
        ScalingPoint base = b.point(SEED_CONSUMERS, b.baseline()).orElseThrow();
        return String.format(Locale.ROOT, "bench of %s, %d consumers on %d partitions, %d requests, %.1f ms each: "
                + "%s %.0f rec/s; ", b.generatedAt(), SEED_CONSUMERS, SEED_CONSUMERS, base.messages(),
                b.serviceTimeMillis(), b.baseline(), base.throughputPerSecond())
                + b.strategies().stream().filter(s -> b.point(SEED_CONSUMERS, s).isPresent())
                        .map(s -> String.format(Locale.ROOT, "%s %.2fx", s, b.speedup(SEED_CONSUMERS, s).orElse(0.0)))
                        .collect(Collectors.joining(", "));
    }

    private static Claim ordering(String id, String claim, String what, List<ExperimentResult> results,
            List<ExperimentResult> salted, Function<ExperimentResult, Long> violations) {
        String measured = what + ": " + results.stream().map(r -> r.setup().strategy() + " " + violations.apply(r))
                .collect(Collectors.joining(", "));
        return Verdicts.bySalted(id, claim, measured, salted, r -> violations.apply(r) > 0);
    }

    private static String counts(ExperimentResult r) {
        return r.distribution().perPartition().stream().map(String::valueOf).collect(Collectors.joining(" / "));
    }

    private static long total(ExperimentResult r) {
        return r.distribution().perPartition().stream().mapToLong(Long::longValue).sum();
    }

    private static String consumerCounts(ExperimentResult r) {
        return ConsumerNames.inOrder(r).stream().map(c -> ConsumerNames.shortName(c.clientId()) + " " + c.records())
                .collect(Collectors.joining(", "));
    }

    private static String partitionList(int partitions) {
        if (partitions <= 1) {
            return "0";
        }
        if (partitions > 6) {
            return "0.." + (partitions - 1);
        }
        return IntStream.range(0, partitions - 1).mapToObj(String::valueOf).collect(Collectors.joining(", "))
                + " and " + (partitions - 1);
    }
}
