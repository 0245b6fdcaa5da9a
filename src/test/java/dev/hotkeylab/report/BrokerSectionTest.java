package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.BrokerCounters;
import dev.hotkeylab.experiment.BrokerTraffic;
import dev.hotkeylab.experiment.ExperimentResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Load per broker: a report section and console rows when a run measured several brokers, else nothing")
class BrokerSectionTest {

    private static ExperimentResult withTraffic(ExperimentResult r, BrokerTraffic traffic) {
        return new ExperimentResult(r.setup(), r.distribution(), r.spread(), r.timing(), r.ordering(),
                r.consumption(), new ExperimentResult.LeaderLoad(Map.of(0, 0L, 1, 0L, 2, 1000L),
                        r.leaderLoad().leaderBytesByBroker()), r.perConcert(), r.adaptive(), r.share(), traffic);
    }

    @Test
    @DisplayName("FIXED_KEY on 3 brokers: each broker's MB/s in and out, share of bytes in, idle, and the source")
    void threeBrokers() {
        String key = "SUPER_STAR_CONCERT_2026";
        ExperimentResult fixed = withTraffic(Synthetic.result("FIXED_KEY", key, List.of(0L, 0L, 1000L),
                Map.of(key, 2), 175, 0, 0), new BrokerTraffic("deleted as consumed", 990, BrokerTraffic.PRODUCER_BYTES,
                BrokerCounters.SOURCE, 2.0, Map.of(
                        0, new BrokerTraffic.Rates(10_000, 20_000, 0.99),
                        1, new BrokerTraffic.Rates(10_000, 20_000, 0.98),
                        2, new BrokerTraffic.Rates(5_000_000, 15_000_000, 0.5))));
        RunReport report = Synthetic.report(List.of(fixed), Map.of());

        ExtraSections.Section section = ExtraSections.brokers(report);
        assertThat(section).isNotNull();
        assertThat(section.text()).contains(BrokerCounters.SOURCE).contains("deleted as consumed (990 deleted");
        assertThat(section.table().toText()).contains("5.00 MB").contains("15.00 MB").contains("99.6 %")
                .contains("50.0 %");
        assertThat(new ComparisonTable(List.of(fixed)).toText())
                .contains("bytes in/s, by broker").contains("b0: 0.0 MB, b1: 0.0 MB, b2: 5.0 MB")
                .contains("bytes out/s, by broker").contains("b2: 15.0 MB")
                .contains("records on the broker").contains("deleted as consumed");
        assertThat(MarkdownReport.render(report)).contains("Load per broker");
    }

    @Test
    @DisplayName("one broker, or no figures: no section and no rows")
    void oneBroker() {
        String key = "K";
        ExperimentResult r = Synthetic.result("FIXED_KEY", key, List.of(0L, 0L, 1000L), Map.of(key, 2), 175, 0, 0);
        assertThat(ExtraSections.brokers(Synthetic.report(List.of(r), Map.of()))).isNull();
        assertThat(new ComparisonTable(List.of(r)).toText()).doesNotContain("by broker").doesNotContain("bytes in");
    }
}
