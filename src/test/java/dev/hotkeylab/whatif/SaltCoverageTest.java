package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Salt coverage: how often B random suffixes reach every partition")
class SaltCoverageTest {

    private static final long SEED = 42;

    private static SaltCoverage.Row row(SaltCoverage.Table table, int p, int b) {
        return table.rows().stream().filter(r -> r.partitions() == p && r.saltBuckets() == b).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("naive salting with B = P reaches every partition for ~22 % of keys at P = 3, almost none at P = 12")
    void naiveSaltingReachesEveryPartitionFor22PercentOfKeysAt3AndAlmostNoneAt12() {
        SaltCoverage.Table table = SaltCoverage.measure(
                List.of(new int[] {3, 3}, new int[] {3, 12}, new int[] {12, 12}, new int[] {12, 48}),
                SaltCoverage.DEFAULT_SAMPLE_KEYS, ClientModel.JAVA, SEED, ProgressListener.NONE);
        SaltCoverage.Row p3 = row(table, 3, 3);
        // 3!/3^3 = 22.2 %; 10,000 keys give a standard error of 0.4 points.
        assertThat(p3.coverAllShare()).isCloseTo(6.0 / 27, within(0.015));
        // E[max of 3 balls in 3 bins] = 51/27, and max/mean = max * P / B = max.
        assertThat(p3.meanMaxOverMean()).isCloseTo(51.0 / 27, within(0.03));
        // Each partition is missed with probability (2/3)^3.
        assertThat(p3.meanIdlePartitions()).isCloseTo(3 * Math.pow(2.0 / 3, 3), within(0.03));
        assertThat(row(table, 3, 12).coverAllShare()).isCloseTo(SaltCoverage.theoryCoverAll(3, 12), within(0.01));
        // 12!/12^12 = 0.0054 %: about half a key in 10,000.
        assertThat(row(table, 12, 12).coverAllShare()).isLessThan(0.001);
        assertThat(row(table, 12, 48).coverAllShare()).isCloseTo(SaltCoverage.theoryCoverAll(12, 48), within(0.02));
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.sampleKeys()).isEqualTo(10_000));
    }

    @Test
    void closedFormMatchesTheCouponCollector() {
        assertThat(SaltCoverage.theoryCoverAll(3, 3)).isCloseTo(6.0 / 27, within(1e-12));
        double factorial12 = 479_001_600.0;
        assertThat(SaltCoverage.theoryCoverAll(12, 12)).isCloseTo(factorial12 / Math.pow(12, 12), within(1e-15));
        assertThat(SaltCoverage.theoryCoverAll(3, 2)).isZero();
        assertThat(SaltCoverage.theoryCoverAll(1, 5)).isCloseTo(1.0, within(1e-12));
        assertThat(SaltCoverage.theoryCoverAll(100, 800)).isBetween(0.9, 1.0);
    }

    @Test
    void sameSeedSameTableAndMoreBucketsNeverCoverLess() {
        List<int[]> cells = List.of(new int[] {6, 6}, new int[] {6, 12}, new int[] {6, 24});
        SaltCoverage.Table a = SaltCoverage.measure(cells, 2_000, ClientModel.LIBRDKAFKA, 7, ProgressListener.NONE);
        SaltCoverage.Table b = SaltCoverage.measure(cells, 2_000, ClientModel.LIBRDKAFKA, 7, ProgressListener.NONE);
        assertThat(a).isEqualTo(b);
        assertThat(row(a, 6, 6).coverAllShare()).isLessThanOrEqualTo(row(a, 6, 12).coverAllShare());
        assertThat(row(a, 6, 12).coverAllShare()).isLessThanOrEqualTo(row(a, 6, 24).coverAllShare());
        assertThat(a.clientRule()).contains("crc32");
    }

    @Test
    void defaultTableHasEveryPartitionCountTimesEveryMultiplier() {
        assertThat(SaltCoverage.DEFAULT_PARTITIONS.size() * SaltCoverage.DEFAULT_MULTIPLIERS.size()).isEqualTo(24);
        SaltCoverage.Table table = SaltCoverage.measure(List.of(new int[] {3, 3}), 100, ClientModel.JAVA, SEED,
                ProgressListener.NONE);
        assertThat(table.rows()).singleElement().satisfies(r -> assertThat(r.partitions()).isEqualTo(3));
    }
}
