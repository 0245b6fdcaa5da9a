package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hotkeylab.broker.BrokerCounters;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Per-broker rates from two readings of the brokers' own counters, and what --records resolves to")
class BrokerTrafficTest {

    @Test
    @DisplayName("2 s apart: bytes per second from the deltas, idle = I/O wait over time x network threads")
    void ratesFromDeltas() {
        Map<Integer, BrokerCounters> before = Map.of(0, new BrokerCounters(1_000, 2_000, 0, 3),
                1, new BrokerCounters(500, 500, 1_000_000_000L, 3));
        Map<Integer, BrokerCounters> after = Map.of(0, new BrokerCounters(10_001_000, 30_002_000, 3_000_000_000L, 3),
                1, new BrokerCounters(20_500, 40_500, 6_400_000_000L, 3),
                2, new BrokerCounters(9, 9, 9, 3)); // not in the first reading: left out, not guessed
        Map<Integer, BrokerTraffic.Rates> rates = BrokerTraffic.between(before, after, 2_000_000_000L);

        assertThat(rates).containsOnlyKeys(0, 1);
        assertThat(rates.get(0).bytesInPerSecond()).isEqualTo(5_000_000.0);
        assertThat(rates.get(0).bytesOutPerSecond()).isEqualTo(15_000_000.0);
        assertThat(rates.get(0).networkIdle()).isCloseTo(0.5, within(1e-9)); // 3 s of wait in 3 threads x 2 s
        assertThat(rates.get(1).networkIdle()).isCloseTo(0.9, within(1e-9));
        BrokerTraffic traffic = new BrokerTraffic("kept", 0, BrokerTraffic.LOG_SIZE, BrokerCounters.SOURCE, 2, rates);
        assertThat(traffic.maxOverMeanBytesIn()).isCloseTo(5_000_000.0 / 2_505_000.0, within(1e-9));
    }

    @Test
    @DisplayName("--records: auto deletes from 10^6 requests with a consumer group only; a bad name is named")
    void recordsResolve() {
        assertThat(RecordRetention.parse("auto").resolve(999_999, GroupType.CLASSIC)).isEqualTo(RecordRetention.KEEP);
        assertThat(RecordRetention.parse("AUTO").resolve(1_000_000, GroupType.CLASSIC))
                .isEqualTo(RecordRetention.DELETE_CONSUMED);
        assertThat(RecordRetention.AUTO.resolve(10_000_000, GroupType.SHARE)).isEqualTo(RecordRetention.KEEP);
        assertThat(RecordRetention.parse("keep").resolve(10_000_000, GroupType.CLASSIC))
                .isEqualTo(RecordRetention.KEEP);
        assertThat(RecordRetention.parse("delete-consumed").resolve(10, GroupType.CLASSIC))
                .isEqualTo(RecordRetention.DELETE_CONSUMED);
        assertThatThrownBy(() -> RecordRetention.parse("trim")).hasMessage(
                "records must be one of auto, keep, delete-consumed but got 'trim'");
    }

    @Test
    @DisplayName("a topic kept after the run (bench --perf re-reads it, the dashboard shows it) keeps its records "
            + "under auto; delete-consumed still deletes")
    void keptTopicsKeepRecords() {
        RunnerOptions kept = RunnerOptions.defaults().withKeepTopics(true);
        assertThat(RunnerOptions.defaults().recordsFor(10_000_000)).isEqualTo(RecordRetention.DELETE_CONSUMED);
        assertThat(kept.recordsFor(10_000_000)).isEqualTo(RecordRetention.KEEP);
        assertThat(kept.withRecords(RecordRetention.DELETE_CONSUMED).recordsFor(10))
                .isEqualTo(RecordRetention.DELETE_CONSUMED);
    }
}
