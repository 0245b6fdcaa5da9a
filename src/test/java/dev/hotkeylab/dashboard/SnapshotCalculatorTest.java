package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.dashboard.SnapshotCalculator.GroupMember;
import dev.hotkeylab.dashboard.SnapshotCalculator.Reading;
import dev.hotkeylab.dashboard.SnapshotCalculator.SampledRecord;
import dev.hotkeylab.dashboard.TopicSnapshot.MemberStats;
import dev.hotkeylab.dashboard.TopicSnapshot.PartitionStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SnapshotCalculator: the dashboard's figures from Admin readings, without a broker")
class SnapshotCalculatorTest {

    private static final String TOPIC = "orders";
    private static final String GROUP = "billing";

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private static Reading reading(long at, long[] starts, long[] ends, List<GroupMember> members,
                                   Map<Integer, Long> committed) {
        return new Reading(at, starts, ends, members.isEmpty() ? null : "STABLE", members, committed, Map.of());
    }

    @Test
    @DisplayName("a partition the group never committed on counts its whole backlog as lag and is flagged")
    void noCommitMeansWholeBacklog() {
        SnapshotCalculator calc = new SnapshotCalculator(TOPIC, GROUP, clock::get);
        TopicSnapshot s = calc.snapshot(reading(clock.get(), new long[] {0, 0, 5}, new long[] {10, 10, 1_005},
                List.of(), Map.of(0, 10L, 1, 4L)));

        assertThat(s.partitions()).extracting(PartitionStats::lag).containsExactly(0L, 6L, 1_000L);
        assertThat(s.partitions()).extracting(PartitionStats::noCommit).containsExactly(false, false, true);
        assertThat(s.skew().totalLag()).isEqualTo(1_006L);
        assertThat(s.skew().noCommitPartitions()).containsExactly(2);
    }

    @Test
    @DisplayName("without a group, lag and committed offsets stay null")
    void noGroupNoLag() {
        SnapshotCalculator calc = new SnapshotCalculator(TOPIC, null, clock::get);
        TopicSnapshot s = calc.snapshot(reading(clock.get(), new long[] {0, 0}, new long[] {3, 7}, List.of(), Map.of()));

        assertThat(s.partitions()).extracting(PartitionStats::lag).containsOnlyNulls();
        assertThat(s.skew().totalLag()).isNull();
        assertThat(s.skew().noCommitPartitions()).isEmpty();
        assertThat(s.skew().totalRecords()).isEqualTo(10);
        assertThat(s.skew().maxRecords()).isEqualTo(7);
        assertThat(s.skew().maxOverMean()).isEqualTo(1.4);
    }

    @Test
    @DisplayName("rates are log-end growth over the readings of the last 2 s, on the readings' own times")
    void rateOverAFixedInterval() {
        SnapshotCalculator calc = new SnapshotCalculator(TOPIC, null, clock::get);
        long t0 = clock.get();
        TopicSnapshot first = calc.snapshot(reading(t0, new long[] {0, 0}, new long[] {0, 0}, List.of(), Map.of()));
        assertThat(first.partitions()).extracting(PartitionStats::recordsPerSecond).containsExactly(0.0, 0.0);

        TopicSnapshot second = calc.snapshot(reading(t0 + 500, new long[] {0, 0}, new long[] {100, 50}, List.of(),
                Map.of()));
        assertThat(second.partitions()).extracting(PartitionStats::recordsPerSecond).containsExactly(200.0, 100.0);

        // At t0 + 2,500 the reading of t0 is older than 2 s: the window starts at t0 + 500 (ends 100 / 50).
        TopicSnapshot third = calc.snapshot(reading(t0 + 2_500, new long[] {0, 0}, new long[] {300, 50}, List.of(),
                Map.of()));
        assertThat(third.partitions()).extracting(PartitionStats::recordsPerSecond).containsExactly(100.0, 0.0);
    }

    @Test
    @DisplayName("an empty topic: every partition idle, no max/mean, no hot keys, nothing to sample")
    void emptyTopic() {
        SnapshotCalculator calc = new SnapshotCalculator(TOPIC, GROUP, clock::get);
        long[] zeros = new long[4];
        assertThat(calc.keySampleStarts(clock.get(), zeros, zeros)).isEmpty();
        TopicSnapshot s = calc.snapshot(reading(clock.get(), zeros, zeros, List.of(), Map.of()));

        assertThat(s.error()).isNull();
        assertThat(s.partitions()).hasSize(4).allMatch(PartitionStats::idle);
        assertThat(s.skew().idlePartitions()).isEqualTo(4);
        assertThat(s.skew().totalRecords()).isZero();
        assertThat(s.skew().maxOverMean()).isNull();
        assertThat(s.skew().totalLag()).isZero();
        assertThat(s.hotKeys()).isEmpty();
        assertThat(s.members()).isEmpty();
    }

    @Test
    @DisplayName("committed-offset growth is credited to the partition's owner; the first commit seen is a baseline")
    void processedCreditedToOwner() {
        SnapshotCalculator calc = new SnapshotCalculator(TOPIC, GROUP, clock::get);
        List<GroupMember> members = List.of(new GroupMember("m-1", "c-1", "127.0.0.1", List.of(0)),
                new GroupMember("m-2", "c-2", "127.0.0.1", List.of(1)));
        long t0 = clock.get();
        long[] starts = {0, 0};
        calc.snapshot(reading(t0, starts, new long[] {100, 100}, members, Map.of(0, 40L)));
        TopicSnapshot s = calc.snapshot(reading(t0 + 1_000, starts, new long[] {100, 100}, members,
                Map.of(0, 70L, 1, 25L)));

        // p0: 40 was there before watching, 70 - 40 = 30 is m-1's. p1 was seen without a commit: 25 from the start.
        assertThat(s.members()).extracting(MemberStats::memberId).containsExactly("m-1", "m-2");
        assertThat(s.members()).extracting(MemberStats::processed).containsExactly(30L, 25L);
        assertThat(s.members()).extracting(MemberStats::processedPerSecond).containsExactly(30.0, 25.0);
        assertThat(s.members()).extracting(MemberStats::lag).containsExactly(30L, 75L);
        assertThat(s.skew().processed()).isEqualTo(55);
        assertThat(s.skew().activeConsumers()).isEqualTo(2);
        assertThat(s.partitions()).extracting(PartitionStats::ownerClientId).containsExactly("c-1", "c-2");
    }

    @Test
    @DisplayName("a member that left keeps what it processed, is listed last, and does nothing per second")
    void memberThatLeft() {
        SnapshotCalculator calc = new SnapshotCalculator(TOPIC, GROUP, clock::get);
        long t0 = clock.get();
        long[] starts = {0};
        long[] ends = {100};
        calc.snapshot(reading(t0, starts, ends, List.of(new GroupMember("a", "zz", "h", List.of(0))), Map.of(0, 0L)));
        calc.snapshot(reading(t0 + 500, starts, ends, List.of(new GroupMember("a", "zz", "h", List.of(0))),
                Map.of(0, 20L)));
        TopicSnapshot s = calc.snapshot(reading(t0 + 1_000, starts, ends,
                List.of(new GroupMember("b", "aa", "h", List.of(0))), Map.of(0, 20L)));

        assertThat(s.members()).extracting(MemberStats::memberId).containsExactly("b", "a");
        MemberStats gone = s.members().get(1);
        assertThat(gone.inGroup()).isFalse();
        assertThat(gone.processed()).isEqualTo(20);
        assertThat(gone.processedPerSecond()).isZero();
        assertThat(gone.partitions()).isEmpty();
        assertThat(gone.lag()).isNull();
        assertThat(s.skew().members()).isEqualTo(1);
    }

    @Test
    @DisplayName("key sampling: at most once a second, the newest 200 records, never the same records twice")
    void keySampling() {
        SnapshotCalculator calc = new SnapshotCalculator(TOPIC, null, clock::get);
        long[] starts = {0, 0, 0};
        long[] ends = {1_000, 3, 0};
        Map<Integer, Long> from = calc.keySampleStarts(clock.get(), starts, ends);
        assertThat(from).containsExactlyInAnyOrderEntriesOf(Map.of(0, 800L, 1, 0L));

        List<SampledRecord> records = new ArrayList<>();
        for (long o = 800; o < 1_000; o++) {
            records.add(new SampledRecord(0, o, o % 2 == 0 ? "hot" : "k-" + o));
        }
        records.add(new SampledRecord(1, 0, "hot"));
        records.add(new SampledRecord(1, 1, null));
        records.add(new SampledRecord(1, 2, "x".repeat(130)));
        records.add(new SampledRecord(1, 3, "past the planned end"));
        calc.observeSampledKeys(records, ends);
        TopicSnapshot s = calc.snapshot(reading(clock.get(), starts, ends, List.of(), Map.of()));

        assertThat(s.partitions()).extracting(PartitionStats::latestKey)
                .containsExactly("k-999", "x".repeat(120) + "…", null);
        assertThat(s.hotKeys()).first().satisfies(h -> {
            assertThat(h.key()).isEqualTo("hot");
            assertThat(h.sampled()).isEqualTo(101);
            assertThat(h.share()).isEqualTo(101.0 / 203);
        });
        assertThat(s.hotKeys()).hasSize(5).extracting(TopicSnapshot.HotKey::key)
                .doesNotContain("past the planned end");

        long[] grown = {1_050, 3, 0};
        assertThat(calc.keySampleStarts(clock.get() + 999, starts, grown)).isEmpty();
        assertThat(calc.keySampleStarts(clock.get() + 1_000, starts, grown)).containsExactlyEntriesOf(Map.of(0, 1_000L));
    }

    @Test
    @DisplayName("a reading whose start and end offsets disagree in length is refused, naming both lengths")
    void mismatchedOffsets() {
        assertThatThrownBy(() -> new Reading(0, new long[2], new long[3], null, List.of(), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startOffsets and endOffsets must be as long but have 2 and 3 entries");
    }
}
