package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hotkeylab.findings.Figures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

@DisplayName("MixedWorkload: one hot concert plus quiet ones, Zipf over concerts, seeded")
class MixedWorkloadTest {

    private static final MixedWorkload WORKLOAD = new MixedWorkload("HOT", 20, 2.0, 42);

    @Test
    @DisplayName("the concert of request i depends only on seed and i, not on the order of the calls")
    void pureFunctionOfTheIndex() {
        MixedWorkload.Draw a = WORKLOAD.draw();
        MixedWorkload.Draw b = WORKLOAD.draw();
        List<String> forward = IntStream.range(0, 2000).mapToObj(a::concertFor).toList();
        String[] backward = new String[2000];
        for (int i = 1999; i >= 0; i--) {
            backward[i] = b.concertFor(i);
        }
        assertThat(forward).containsExactly(backward);
        List<String> otherSeed = IntStream.range(0, 2000)
                .mapToObj(new MixedWorkload("HOT", 20, 2.0, 43).draw()::concertFor).toList();
        assertThat(forward).isNotEqualTo(otherSeed);
    }

    @Test
    @DisplayName("s = 2 over 21 concerts: HOT has ~63% of 200,000 requests, QUIET_CONCERT_1 ~16%, all 21 appear")
    void sharesFollowZipf(TestReporter reporter) {
        MixedWorkload.Draw draw = WORKLOAD.draw();
        Map<String, Integer> counts = new HashMap<>();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts.merge(draw.concertFor(i), 1, Integer::sum);
        }
        Figures.of(reporter).put("HOT share", Figures.fmt((double) counts.get("HOT") / n))
                .put("QUIET_CONCERT_1 share", Figures.fmt((double) counts.get("QUIET_CONCERT_1") / n))
                .put("concerts drawn", counts.size());
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(WORKLOAD.concerts());
        assertThat(draw.shareOf("HOT")).isCloseTo(0.626, within(0.001));
        assertThat(draw.shareOf("QUIET_CONCERT_1")).isCloseTo(0.156, within(0.001));
        for (String concert : WORKLOAD.concerts()) {
            assertThat((double) counts.get(concert) / n).as(concert).isCloseTo(draw.shareOf(concert), within(0.005));
        }
    }

    @Test
    @DisplayName("no quiet concerts: every request is for the hot one")
    void single() {
        MixedWorkload.Draw draw = MixedWorkload.single("SUPER_STAR_CONCERT_2026", 1).draw();
        assertThat(IntStream.range(0, 100).mapToObj(draw::concertFor)).containsOnly("SUPER_STAR_CONCERT_2026");
        assertThat(draw.shareOf("SUPER_STAR_CONCERT_2026")).isEqualTo(1.0);
    }

    @Test
    @DisplayName("ExperimentConfig: no quiet concerts by default; quietConcerts and zipfExponent make the workload")
    void fromExperimentConfig() {
        assertThat(ExperimentConfig.builder().build().workload())
                .isEqualTo(new MixedWorkload(ExperimentConfig.DEFAULT_KEY, 0, 1.0, 42));
        ExperimentConfig mixed = ExperimentConfig.builder().quietConcerts(20).zipfExponent(2.0).seed(7).build();
        assertThat(mixed.workload()).isEqualTo(new MixedWorkload(ExperimentConfig.DEFAULT_KEY, 20, 2.0, 7));
        assertThat(mixed.toBuilder().build()).isEqualTo(mixed);
        assertThatThrownBy(() -> ExperimentConfig.builder().quietConcerts(-1).build())
                .hasMessage("quiet concerts must be in [0, 1000000] but got -1");
        assertThatThrownBy(() -> ExperimentConfig.builder().zipfExponent(Double.NaN).build())
                .hasMessage("zipf exponent must be in [0, 100] but got NaN");
    }

    @Test
    @DisplayName("bad input is one line naming the value")
    void badInput() {
        assertThatThrownBy(() -> new MixedWorkload("", 1, 1, 1))
                .hasMessage("hot concert must be a non-empty string but got an empty string");
        assertThatThrownBy(() -> new MixedWorkload("HOT", -1, 1, 1))
                .hasMessage("quiet concerts must be in [0, 1000000] but got -1");
        assertThatThrownBy(() -> new MixedWorkload("HOT", 1, -0.5, 1))
                .hasMessage("zipf exponent must be in [0, 100] but got -0.5");
    }
}
