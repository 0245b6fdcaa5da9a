package dev.hotkeylab.hotkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.hotkeys.HeavyHitterConfig.WindowUnit;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HeavyHitterConfig: validated on construction, one-line errors")
class HeavyHitterConfigTest {

    @Test
    @DisplayName("defaults: K 32, threshold 0.2, 10 s window in 10 panes of 1 s")
    void defaults() {
        HeavyHitterConfig c = HeavyHitterConfig.defaults();
        assertThat(c.topK()).isEqualTo(32);
        assertThat(c.threshold()).isEqualTo(0.2);
        assertThat(c.windowUnit()).isEqualTo(WindowUnit.MILLISECONDS);
        assertThat(c.paneLength()).isEqualTo(1000);
        assertThat(c.withRecordWindow(1000).withPanes(4).paneLength()).isEqualTo(250);
        assertThat(c.withTimeWindow(Duration.ofSeconds(3)).window()).isEqualTo(3000);
    }

    @Test
    @DisplayName("bad values are named with what is allowed")
    void badValues() {
        HeavyHitterConfig d = HeavyHitterConfig.defaults();
        assertThatThrownBy(() -> d.withThreshold(0)).hasMessage("threshold must be in (0, 1] but got 0.0");
        assertThatThrownBy(() -> d.withThreshold(1.5)).hasMessage("threshold must be in (0, 1] but got 1.5");
        assertThatThrownBy(() -> d.withThreshold(Double.NaN)).hasMessage("threshold must be in (0, 1] but got NaN");
        assertThatThrownBy(() -> d.withTopK(0)).hasMessage("top-k must be in [1, 1000000] but got 0");
        assertThatThrownBy(() -> d.withThreshold(0.01)).hasMessage(
                "top-k must be >= 1/threshold = 100 (that many keys can be over a threshold of 0.01) but got 32");
        assertThatThrownBy(() -> d.withPanes(0)).hasMessage("panes must be in [1, 1000] but got 0");
        assertThatThrownBy(() -> d.withRecordWindow(5)).hasMessage("window must be >= panes (10) records but got 5");
        assertThatThrownBy(() -> d.withTimeWindow(Duration.ofMillis(-1)))
                .hasMessage("window must be >= panes (10) ms but got -1");
        assertThatThrownBy(() -> d.withMinEvents(0)).hasMessage("min events must be >= 1 but got 0");
        assertThatThrownBy(() -> new HeavyHitterConfig(32, 0.2, null, 10, 1, 1))
                .hasMessage("window unit must be MILLISECONDS or RECORDS but got null");
    }

    @Test
    @DisplayName("threshold 0.2 needs K >= 5; 1/3 needs K >= 3 despite floating point")
    void thresholdAndK() {
        assertThat(HeavyHitterConfig.defaults().withTopK(5).topK()).isEqualTo(5);
        assertThat(new HeavyHitterConfig(3, 1.0 / 3, WindowUnit.RECORDS, 10, 1, 1).topK()).isEqualTo(3);
    }
}
