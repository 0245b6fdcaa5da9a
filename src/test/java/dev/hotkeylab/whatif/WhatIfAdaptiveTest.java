package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hotkeylab.keys.KafkaPartitioning;
import dev.hotkeylab.keys.Strategy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What-if for ADAPTIVE: hot keys spread evenly, quiet keys where FIXED_KEY puts them")
class WhatIfAdaptiveTest {

    @Test
    @DisplayName("one key with 60% of 1000 records on 3 partitions: 200 each from it, the quiet keys at home")
    void hotKeySpreadQuietKeysHome() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("SUPER_STAR_CONCERT_2026", 600L);
        for (int i = 0; i < 20; i++) {
            counts.put("quiet-" + i, 20L);
        }
        WhatIfResult result = new WhatIfSimulator(WhatIfConfig.builder(3).build()).simulate(KeyCounts.of(counts));
        StrategyPrediction adaptive = result.predictions().stream().filter(p -> p.strategy() == Strategy.ADAPTIVE)
                .findFirst().orElseThrow();
        double[] expected = {200, 200, 200};
        for (int i = 0; i < 20; i++) {
            expected[KafkaPartitioning.partitionFor("quiet-" + i, 3)] += 20;
        }
        assertThat(adaptive.partitionLoad()).containsExactly(expected, within(1e-9));
        assertThat(adaptive.model()).contains("0.2");
    }

    @Test
    @DisplayName("no key over 20%: ADAPTIVE predicts exactly what FIXED_KEY predicts")
    void nothingHotIsFixedKey() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            counts.put("concert-" + i, 10L + i);
        }
        WhatIfResult result = new WhatIfSimulator(WhatIfConfig.builder(4).build()).simulate(KeyCounts.of(counts));
        double[] fixed = result.predictions().stream().filter(p -> p.strategy() == Strategy.FIXED_KEY).findFirst()
                .orElseThrow().partitionLoad();
        double[] adaptive = result.predictions().stream().filter(p -> p.strategy() == Strategy.ADAPTIVE).findFirst()
                .orElseThrow().partitionLoad();
        assertThat(adaptive).containsExactly(fixed, within(1e-9));
    }
}
