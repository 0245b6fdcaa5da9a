package dev.hotkeylab.scan;

import dev.hotkeylab.metrics.PartitionLag;
import dev.hotkeylab.whatif.KeyBytes;
import dev.hotkeylab.whatif.StrategyPrediction;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The terminal report of a scan: partitions, skew, lag, keys, the producing client and what to do. */
final class ScanText {

    private ScanText() {
    }

    /** The terminal report; {@code advice} may be null (nothing read). */
    static String text(ScanResult r, ScanAdvice advice) {
        StringBuilder out = new StringBuilder();
        ScanConfig c = r.config();
        out.append(String.format(Locale.ROOT, "scan of '%s' on %s: %d partitions, %,d records (%s) read in %.1f s"
                        + " (%,.0f records/s), stopped: %s%s%n", c.topic(), c.bootstrap(), r.partitions().size(),
                r.recordsRead(), bytes(r.bytesRead()), r.elapsedMillis() / 1000.0, r.readRate(), r.stopReason(),
                r.complete() ? "" : " (partial: not every partition was read to its end)"));
        boolean group = r.lags() != null;
        out.append(String.format(Locale.ROOT, "%-9s %12s %12s %12s %11s%s%n", "partition", "records", "offsets",
                "bytes", "records/s", group ? String.format(Locale.ROOT, " %12s %12s", "committed", "lag") : ""));
        for (ScanResult.PartitionScan p : r.partitions()) {
            String lag = "";
            if (group) {
                PartitionLag l = r.lags().get(p.partition());
                lag = String.format(Locale.ROOT, " %12s %12s", l.noCommit() ? "no commit" : String.format(Locale.ROOT,
                        "%,d", l.committedOffset()), String.format(Locale.ROOT, "%,d", l.lag()));
            }
            Double rate = p.recordsPerSecond();
            out.append(String.format(Locale.ROOT, "p%-8d %,12d %,12d %12s %11s%s%n", p.partition(), p.records(),
                    p.offsets(), bytes(p.bytes()), rate == null ? "-" : String.format(Locale.ROOT, "%,.1f", rate),
                    lag));
        }
        out.append("  (records: what a read_committed consumer gets; offsets: log end - log start, transaction"
                + " markers and aborted records included; records/s: from the records' timestamps)")
                .append(System.lineSeparator());
        if (r.recordsRead() == 0) {
            out.append(String.format(Locale.ROOT, "no records read: %s%n", r.partitions().stream()
                    .allMatch(p -> p.lastStableOffset() == p.logStartOffset())
                    ? "the topic holds no committed records" : "nothing arrived while reading"));
        } else {
            out.append(String.format(Locale.ROOT, "max/mean %.2f (p%d hottest with %.1f %% of records), idle"
                            + " partitions: %s%n", r.skew().maxOverMean(), hottest(r),
                    100.0 * r.partitions().get(hottest(r)).records() / r.recordsRead(),
                    r.skew().idlePartitions().isEmpty() ? "none" : partitions(r.skew().idlePartitions())));
        }
        if (group) {
            List<Integer> noCommit = PartitionLag.noCommitPartitions(r.lags());
            boolean counted = r.lags().stream().allMatch(PartitionLag::counted);
            out.append(String.format(Locale.ROOT, "group '%s': total lag %,d %s%s%n", c.group(), r.totalLag(),
                    counted ? "records" : "(offsets where not every record was counted)",
                    noCommit.isEmpty() ? "" : "; no commit on " + partitions(noCommit)
                            + " (whole backlog counted)"));
        }
        KeyTally t = r.tally();
        out.append(String.format(Locale.ROOT, "keys: %,d distinct %s; null keys %,d%s, empty keys %,d%s%n",
                t.distinctKeys(), t.exact() ? String.format(Locale.ROOT, "(counted exactly; up to %,d distinct keys"
                        + " are)", t.exactKeysCap())
                        : String.format(Locale.ROOT, "tracked (over %,d distinct keys: Space-Saving with %,d counters,"
                        + " each count at most %,d = N/%,d too high, never too low)", t.exactKeysCap(), t.counters(),
                        t.errorBound(), t.counters()),
                t.nullKeys(), t.nullKeys() == 0 ? "" : " on " + partitions(t.nullKeyPartitions()),
                t.emptyKeys(), t.emptyKeys() == 0 ? "" : " on " + partitions(t.emptyKeyPartitions())));
        List<KeyTally.Entry> top = ScanOutput.topKeys(r);
        if (!top.isEmpty()) {
            double span = r.timeSpanMillis() / 1000.0;
            out.append(String.format(Locale.ROOT, "top %d keys:%n  %-4s %-32s %12s %8s %9s %11s%n", top.size(), "#",
                    "key", "records", "share", "partition", "records/s"));
            int rank = 1;
            for (KeyTally.Entry e : top) {
                out.append(String.format(Locale.ROOT, "  %-4d %-32s %12s %7.1f%% %9s %11s%n", rank++,
                        abbreviate(KeyBytes.label(e.key())), e.error() == 0 ? String.format(Locale.ROOT, "%,d",
                                e.count()) : String.format(Locale.ROOT, "<=%,d", e.count()),
                        100.0 * e.count() / r.recordsRead(), where(e.partition()),
                        span <= 0 ? "-" : String.format(Locale.ROOT, "%,.1f", e.count() / span)));
            }
        }
        appendClients(out, r);
        if (advice != null) {
            appendAdvice(out, r, advice);
        }
        return out.toString();
    }

    private static void appendClients(StringBuilder out, ScanResult r) {
        List<ScanResult.ClientFit> fits = r.clientFits().stream().filter(f -> f.checked() > 0).toList();
        if (fits.isEmpty()) {
            return;
        }
        List<String> fitting = fits.stream().filter(ScanResult.ClientFit::fits).map(ScanResult.ClientFit::client)
                .toList();
        long checked = fits.stream().mapToLong(ScanResult.ClientFit::checked).max().orElse(0);
        if (fitting.isEmpty()) {
            ScanResult.ClientFit best = fits.stream().max(Comparator.comparingDouble(
                    f -> (double) f.agree() / f.checked())).orElseThrow();
            out.append(String.format(Locale.ROOT, "producing client: no known partitioner places every key where it"
                            + " was found; best %s (%,d of %,d keys); several producers, a custom partitioner or a"
                            + " partition count that changed%n", best.client(), best.agree(), best.checked()));
        } else {
            out.append(String.format(Locale.ROOT, "producing client: the keys sit where %s put them (%,d keys"
                    + " checked)%n", String.join(", ", fitting), checked));
        }
        String others = fits.stream().filter(f -> !f.fits()).map(f -> String.format(Locale.ROOT, "%s %,d/%,d",
                f.client(), f.agree(), f.checked())).collect(Collectors.joining(", "));
        if (!others.isEmpty()) {
            out.append("  keys where other clients would put them: ").append(others)
                    .append(System.lineSeparator());
        }
    }

    private static void appendAdvice(StringBuilder out, ScanResult r, ScanAdvice a) {
        out.append(String.format(Locale.ROOT, "what to do (what-if model, client %s, on the keys as counted):%n",
                a.client().cliName()));
        if (a.hotKeys().isEmpty()) {
            out.append(String.format(Locale.ROOT, "  no hot key: none carries half a partition's fair share (%.1f %%)"
                    + " of the records%n", 50.0 / r.partitions().size()));
        }
        out.append(String.format(Locale.ROOT, "  %-22s %9s  %-20s %s%n", "strategy", "max/mean", "hottest partition",
                "idle partitions"));
        for (StrategyPrediction p : a.topic().predictions()) {
            out.append(String.format(Locale.ROOT, "  %-22s %9.3f  %-20s %s%n", p.strategy(), p.partitions().maxOverMean(),
                    String.format(Locale.ROOT, "p%d (%.1f %%)", p.partitions().hottest(),
                            100 * p.partitions().hottestShare()),
                    p.partitions().idle().isEmpty() ? "none" : partitions(p.partitions().idle())));
        }
        for (ScanAdvice.HotKeyAdvice k : a.hotKeys()) {
            out.append(String.format(Locale.ROOT, "  hot key %s (%.1f %% of records, %s):%n", abbreviate(k.label()),
                    100 * k.share(), where(k.partition())));
            for (ScanAdvice.KeyPlacement p : k.strategies()) {
                out.append(String.format(Locale.ROOT, "    %-22s reaches %d of %d partitions, at most %.1f %% of it on"
                                + " one%s%n", p.strategy(), p.partitions(), r.partitions().size(), 100 * p.maxShare(),
                        p.note().isEmpty() ? "" : " (" + p.note() + ")"));
            }
        }
    }

    static int hottest(ScanResult r) {
        int best = 0;
        for (ScanResult.PartitionScan p : r.partitions()) {
            if (p.records() > r.partitions().get(best).records()) {
                best = p.partition();
            }
        }
        return best;
    }

    static String where(int partition) {
        return partition == KeyTally.SEVERAL_PARTITIONS ? "several" : "p" + partition;
    }

    private static String partitions(List<Integer> ps) {
        String shown = ps.stream().limit(20).map(p -> "p" + p).collect(Collectors.joining(", "));
        return ps.size() > 20 ? shown + " and " + (ps.size() - 20) + " more" : shown;
    }

    static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 31) + "…";
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }
}
