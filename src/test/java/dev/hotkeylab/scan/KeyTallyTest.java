package dev.hotkeylab.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.metrics.PartitionLag;
import dev.hotkeylab.whatif.KeyCounts;
import dev.hotkeylab.whatif.ZipfSpec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("dev.hotkeylab.scan.KeyTally and metrics.PartitionLag: exact counts, then Space-Saving within N/counters")
class KeyTallyTest {

    @Test
    @DisplayName("exact while keys are few; null and empty keys apart, each with its partitions; binary keys kept")
    void exactCounts() {
        KeyTally t = new KeyTally(10, 10);
        byte[] binary = {(byte) 0xff, 0, 1};
        for (int i = 0; i < 5; i++) {
            t.add("hot".getBytes(StandardCharsets.UTF_8), 2);
        }
        t.add(binary, 1);
        t.add(null, 0);
        t.add(null, 1);
        t.add(new byte[0], 2);
        t.add("split".getBytes(StandardCharsets.UTF_8), 0);
        t.add("split".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(t.exact()).isTrue();
        assertThat(t.nullKeys()).isEqualTo(2);
        assertThat(t.nullKeyPartitions()).containsExactly(0, 1);
        assertThat(t.emptyKeys()).isEqualTo(1);
        assertThat(t.emptyKeyPartitions()).containsExactly(2);
        List<KeyTally.Entry> e = t.entries();
        assertThat(e).hasSize(3);
        assertThat(new String(e.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("hot");
        assertThat(e.get(0).count()).isEqualTo(5);
        assertThat(e.get(0).partition()).isEqualTo(2);
        assertThat(e.get(1).partition()).isEqualTo(KeyTally.SEVERAL_PARTITIONS);
        assertThat(e.get(2).key()).isEqualTo(binary);
        assertThat(t.errorBound()).isZero();
    }

    @Test
    @DisplayName("past the exact cap: 5,000 Zipf keys, 200 counters: every count within [true, true + N/200]")
    void spaceSavingBound() {
        KeyCounts zipf = KeyCounts.zipf(ZipfSpec.parse("zipf:1.0:5000:200000"));
        // a seeded shuffle of the records, so the stream is not sorted by key
        long[] left = new long[zipf.size()];
        for (int i = 0; i < zipf.size(); i++) {
            left[i] = zipf.count(i);
        }
        int[] order = new int[(int) zipf.totalRecords()];
        int at = 0;
        for (int i = 0; i < zipf.size(); i++) {
            for (long c = 0; c < left[i]; c++) {
                order[at++] = i;
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        KeyTally t = new KeyTally(1_000, 200);
        for (int i : order) {
            t.add(zipf.key(i), i % 3);
        }
        assertThat(t.exact()).isFalse();
        long bound = zipf.totalRecords() / 200;
        assertThat(t.errorBound()).isEqualTo(bound);
        Map<String, Long> truth = new HashMap<>();
        for (int i = 0; i < zipf.size(); i++) {
            truth.put(zipf.label(i), zipf.count(i));
        }
        List<KeyTally.Entry> entries = t.entries();
        assertThat(entries).hasSizeLessThanOrEqualTo(200);
        for (KeyTally.Entry e : entries) {
            long real = truth.get(new String(e.key(), StandardCharsets.UTF_8));
            assertThat(e.count()).as("key %s", new String(e.key(), StandardCharsets.UTF_8))
                    .isBetween(real, real + bound);
            assertThat(e.error()).isLessThanOrEqualTo(bound);
        }
        // every key with more than N/counters records is tracked, the top 10 in the right order
        for (int i = 0; i < zipf.size(); i++) {
            if (zipf.count(i) > bound) {
                String label = zipf.label(i);
                assertThat(entries).anyMatch(e -> new String(e.key(), StandardCharsets.UTF_8).equals(label));
            }
        }
        for (int rank = 0; rank < 10; rank++) {
            assertThat(new String(entries.get(rank).key(), StandardCharsets.UTF_8)).isEqualTo("key-" + (rank + 1));
        }
    }

    @Test
    @DisplayName("lag: a partition without a commit counts its whole backlog; counted records beat offsets")
    void lag() {
        PartitionLag committed = PartitionLag.of(0, 0, 10, 10L);
        PartitionLag noCommit = PartitionLag.of(2, 5, 1_005, null);
        assertThat(committed.lag()).isZero();
        assertThat(noCommit.lag()).isEqualTo(1_000);
        assertThat(noCommit.noCommit()).isTrue();
        assertThat(PartitionLag.total(List.of(committed, noCommit))).isEqualTo(1_000);
        assertThat(PartitionLag.noCommitPartitions(List.of(committed, noCommit))).containsExactly(2);
        // 50 one-record transactions: 100 offsets, 50 records; committed at 99 (before the last marker): no record left
        PartitionLag txn = PartitionLag.of(0, 0, 100, 99L, from -> from <= 0 ? 50 : 0);
        assertThat(txn.lag()).isZero();
        assertThat(txn.counted()).isTrue();
        assertThat(PartitionLag.of(0, 0, 100, 99L).lag()).isEqualTo(1);
        // a committed offset below the log start (records deleted) counts from the log start
        assertThat(PartitionLag.of(1, 50, 60, 10L).lag()).isEqualTo(10);
    }
}
