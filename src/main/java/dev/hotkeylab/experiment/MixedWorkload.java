package dev.hotkeylab.experiment;

import dev.hotkeylab.hotkeys.ZipfKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One hot concert among quiet ones, the traffic an adaptive partitioner is for: request {@code i} is for a concert
 * drawn by Zipf's law over {@code 1 + quietConcerts} concerts with exponent {@code exponent}, the hot concert being
 * rank 1 and {@code QUIET_CONCERT_1 .. Q} ranks 2 .. Q+1. With no quiet concerts every request is for the hot one (the
 * seed's workload).
 *
 * <p>The concert of request {@code i} is a pure function of {@code (seed, i)} (a SplitMix64 hash of the index feeds
 * the inverse CDF), so it does not depend on the order or the thread in which requests are made.
 *
 * @param hotConcert    the concert id of rank 1
 * @param quietConcerts how many other concerts share the traffic
 * @param exponent      Zipf exponent s (0 = uniform); e.g. s = 2 over 21 concerts gives the hot one 63% and the
 *                      next one 16%
 * @param seed          seeds the draw
 */
public record MixedWorkload(String hotConcert, int quietConcerts, double exponent, long seed) {

    public static final String QUIET_PREFIX = "QUIET_CONCERT_";
    public static final int MAX_QUIET_CONCERTS = 1_000_000;

    public MixedWorkload {
        if (hotConcert == null || hotConcert.isEmpty()) {
            throw new IllegalArgumentException("hot concert must be a non-empty string but got "
                    + (hotConcert == null ? "null" : "an empty string"));
        }
        if (quietConcerts < 0 || quietConcerts > MAX_QUIET_CONCERTS) {
            throw new IllegalArgumentException("quiet concerts must be in [0, " + MAX_QUIET_CONCERTS + "] but got "
                    + quietConcerts);
        }
        if (!(exponent >= 0 && exponent <= 100)) {
            throw new IllegalArgumentException("zipf exponent must be in [0, 100] but got " + exponent);
        }
    }

    /** Every request for one concert. */
    public static MixedWorkload single(String concert, long seed) {
        return new MixedWorkload(concert, 0, 1.0, seed);
    }

    /** All concerts, most popular first. */
    public List<String> concerts() {
        List<String> out = new ArrayList<>(quietConcerts + 1);
        out.add(hotConcert);
        for (int i = 1; i <= quietConcerts; i++) {
            out.add(QUIET_PREFIX + i);
        }
        return out;
    }

    /** Draws concerts for requests; build once per run (it holds the cumulative distribution). */
    public Draw draw() {
        return new Draw(this);
    }

    /** The concerts of a {@link MixedWorkload}, by request index. */
    public static final class Draw {

        private final MixedWorkload workload;
        private final ZipfKeys zipf;

        private Draw(MixedWorkload workload) {
            this.workload = workload;
            this.zipf = ZipfKeys.of(workload.concerts(), workload.exponent(), new Random(workload.seed()));
        }

        /** The concert of request {@code request} (0-based). */
        public String concertFor(long request) {
            if (workload.quietConcerts() == 0) {
                return workload.hotConcert();
            }
            long z = workload.seed() + (request + 1) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return zipf.keyOf(zipf.rankAt((z >>> 11) * 0x1.0p-53));
        }

        /** The expected share of a concert's requests (0 for a concert not in the workload). */
        public double shareOf(String concert) {
            int rank = workload.concerts().indexOf(concert) + 1;
            return rank == 0 ? 0 : zipf.probability(rank);
        }
    }
}
