package dev.hotkeylab.scan;

import dev.hotkeylab.metrics.PartitionLag;
import dev.hotkeylab.whatif.KeyBytes;
import dev.hotkeylab.whatif.StrategyPrediction;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code scan.json} document: one JSON object per scan, keys in a fixed order. */
final class ScanDocument {

    private ScanDocument() {
    }

    /** The document; {@code advice} may be null (nothing read): then there is no {@code whatIf} member. */
    static Map<String, Object> of(ScanResult r, ScanAdvice advice) {
        ScanConfig c = r.config();
        Map<String, Object> doc = fields("topic", c.topic(), "bootstrap", c.bootstrap(),
                "from", c.from().name().toLowerCase(Locale.ROOT), "stopReason", r.stopReason(),
                "complete", r.complete(), "elapsedMillis", r.elapsedMillis(), "records", r.recordsRead(),
                "bytes", r.bytesRead(), "readRecordsPerSecond", r.readRate());
        doc.put("partitions", r.partitions().stream().map(p -> fields("partition", p.partition(),
                "records", p.records(), "bytes", p.bytes(), "recordsPerSecond", p.recordsPerSecond(),
                "logStartOffset", p.logStartOffset(), "logEndOffset", p.logEndOffset(),
                "lastStableOffset", p.lastStableOffset(), "offsets", p.offsets(), "readToEnd", p.reachedEnd()))
                .toList());
        doc.put("summary", fields("maxOverMean", r.skew().maxOverMean(),
                "coefficientOfVariation", r.skew().coefficientOfVariation(),
                "hottestPartition", r.recordsRead() == 0 ? null : ScanText.hottest(r),
                "idlePartitions", r.skew().idlePartitions()));
        KeyTally t = r.tally();
        doc.put("keys", fields("countedExactly", t.exact(), "exactKeysCap", t.exactKeysCap(),
                "spaceSavingCounters", t.counters(), "errorBound", t.errorBound(), "distinctKeys", t.distinctKeys(),
                "keyedRecords", t.keyedRecords(), "nullKeys", t.nullKeys(), "nullKeyPartitions", t.nullKeyPartitions(),
                "emptyKeys", t.emptyKeys(), "emptyKeyPartitions", t.emptyKeyPartitions()));
        double span = r.timeSpanMillis() / 1000.0;
        doc.put("topKeys", ScanOutput.topKeys(r).stream().map(e -> fields("key", KeyBytes.label(e.key()),
                "keyHex", HexFormat.of().formatHex(e.key()), "records", e.count(), "error", e.error(),
                "share", (double) e.count() / r.recordsRead(), "partition", partitionOrNull(e.partition()),
                "recordsPerSecond", span <= 0 ? null : e.count() / span)).toList());
        if (r.lags() != null) {
            doc.put("group", fields("name", c.group(), "totalLag", r.totalLag(),
                    "noCommitPartitions", PartitionLag.noCommitPartitions(r.lags()),
                    "partitions", r.lags().stream().map(l -> fields("partition", l.partition(),
                            "committedOffset", l.committedOffset(), "lag", l.lag(), "noCommit", l.noCommit(),
                            "lagUnit", l.counted() ? "records" : "offsets")).toList()));
        }
        doc.put("clients", r.clientFits().stream().map(f -> fields("client", f.client(), "keysChecked", f.checked(),
                "keysAgreeing", f.agree(), "fits", f.fits())).toList());
        if (advice != null) {
            doc.put("whatIf", fields("client", advice.client().cliName(),
                    "strategies", advice.topic().predictions().stream().map(ScanDocument::strategy).toList(),
                    "hotKeys", advice.hotKeys().stream().map(k -> fields("key", k.label(), "share", k.share(),
                            "partition", partitionOrNull(k.partition()),
                            "strategies", k.strategies().stream().map(p -> Map.of("strategy", p.strategy().name(),
                                    "partitionsReached", p.partitions(), "maxShare", p.maxShare(), "note", p.note()))
                                    .toList())).toList()));
        }
        return doc;
    }

    private static Map<String, Object> strategy(StrategyPrediction p) {
        return fields("strategy", p.strategy().name(), "maxOverMean", p.partitions().maxOverMean(),
                "hottestPartition", p.partitions().hottest(), "hottestShare", p.partitions().hottestShare(),
                "idlePartitions", p.partitions().idle(), "recordsPerPartition", p.partitionLoad());
    }

    private static Integer partitionOrNull(int partition) {
        return partition == KeyTally.SEVERAL_PARTITIONS ? null : partition;
    }

    /** An insertion-ordered map of name, value pairs (values may be null, unlike {@link Map#of}). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }
}
