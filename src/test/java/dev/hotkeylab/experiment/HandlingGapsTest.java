package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Handling gaps: the longest pause between first processings, to the millisecond")
class HandlingGapsTest {

    private static final long ORIGIN = 7_000_000_000L;

    private static long at(double millis) {
        return ORIGIN + Math.round(millis * 1_000_000);
    }

    @Test
    void fewerThanTwoMarksAreNoGap() {
        HandlingGaps gaps = new HandlingGaps(ORIGIN);
        assertThat(gaps.longestMillis()).isZero();
        gaps.mark(at(500));
        gaps.mark(at(500.7)); // the same millisecond
        assertThat(gaps.longestMillis()).isZero();
    }

    @Test
    void marksInAnyOrderAcrossManyWordsGiveTheLongestGap() {
        HandlingGaps gaps = new HandlingGaps(ORIGIN);
        // Every 4 ms from 10 s to 20 s but none from 15.001 s to 16.235 s, marked latest first (batches merge late):
        // the marks either side of the hole are 15000 and 16236.
        for (long ms = 20_000; ms >= 10_000; ms -= 4) {
            if (ms <= 15_000 || ms > 16_235) {
                gaps.mark(at(ms));
            }
        }
        assertThat(gaps.longestMillis()).isEqualTo(16_236 - 15_000);
    }

    @Test
    void anInstantBeforeTheOriginCountsAsAtIt() {
        HandlingGaps gaps = new HandlingGaps(ORIGIN);
        gaps.mark(ORIGIN - 5_000_000);
        gaps.mark(at(64)); // the first bit of the second word
        assertThat(gaps.longestMillis()).isEqualTo(64);
    }
}
