package dev.hotkeylab.hotkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("HeavyHitterDetector: Space-Saving top-K over a sliding window")
class HeavyHitterDetectorTest {

    /** A window longer than any stream here: nothing expires, so the textbook Space-Saving bounds hold exactly. */
    private static final long NEVER_EXPIRES = 1L << 40;

    @Nested
    @DisplayName("Accuracy on Zipf streams, against exact counts")
    class Accuracy {

        /*
         * Bounds asserted, for a whole-stream window (nothing expires):
         *  - provable: count - error <= exact <= count for every tracked key; error <= N/K; counts add up to N;
         *    precision of the hot set is 1.0 (hot is judged on count - error); every key with an exact share of at
         *    least threshold + 1/K is hot.
         *  - measured and stated: recall of the hot set >= 0.8 (keys just over the threshold may be judged not hot
         *    while their error is large); the top 10 by estimate contain at least 9 of the exact top 10.
         *    K must suit the tail: with s = 0.8 over 10^5 keys, K = 200 leaves keys whose count is mostly inherited
         *    (about N/K) among the estimated top 10 (top-10 recall 0.8 measured); K = 500 gives 1.0.
         */
        @ParameterizedTest(name = "s = {0}, {1} distinct keys, {2} events, K = {3}, threshold {4}")
        @CsvSource({
            "0.8, 100000, 1000000, 500, 0.005",
            "1.0,  10000,  200000, 200, 0.005",
            "1.0, 100000,  500000, 100, 0.01",
            "1.2,  50000,  500000, 200, 0.005",
        })
        void findsTheTrueTopKeys(double s, int distinct, int events, int k, double threshold) {
            HeavyHitterDetector detector = new HeavyHitterDetector(HeavyHitterConfig.defaults().withTopK(k)
                    .withThreshold(threshold).withRecordWindow(NEVER_EXPIRES).withPanes(1).withMinEvents(1));
            ZipfKeys zipf = ZipfKeys.of("key-", distinct, s, new Random(2026));
            Map<String, Long> exact = new HashMap<>();
            for (int i = 0; i < events; i++) {
                String key = zipf.next();
                exact.merge(key, 1L, Long::sum);
                detector.observe(key);
            }

            List<HeavyHitter> top = detector.topK();
            assertThat(top).hasSize(k);
            assertThat(top.stream().mapToLong(HeavyHitter::count).sum()).isEqualTo(events);
            assertThat(top).allSatisfy(h -> {
                long truth = exact.getOrDefault(h.key(), 0L);
                assertThat(h.guaranteedCount()).as("lower bound of %s", h.key()).isLessThanOrEqualTo(truth);
                assertThat(h.count()).as("upper bound of %s", h.key()).isGreaterThanOrEqualTo(truth);
                assertThat(h.error()).isLessThanOrEqualTo(events / k);
            });

            Set<String> trulyHot = exact.entrySet().stream().filter(e -> e.getValue() >= threshold * events)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Set<String> reported = detector.hotKeys().stream().map(HeavyHitter::key).collect(Collectors.toSet());
            Set<String> surelyHot = exact.entrySet().stream()
                    .filter(e -> e.getValue() >= (threshold + 1.0 / k) * events).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(trulyHot).as("the stream has keys over the threshold").isNotEmpty();
            assertThat(precision(reported, trulyHot)).as("precision").isEqualTo(1.0);
            assertThat(recall(reported, trulyHot)).as("recall").isGreaterThanOrEqualTo(0.8);
            assertThat(surelyHot).isNotEmpty();
            assertThat(reported).containsAll(surelyHot);
            for (String key : trulyHot) {
                assertThat(detector.isHot(key)).isEqualTo(reported.contains(key));
            }

            Set<String> exactTop10 = exact.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            Set<String> estimatedTop10 = top.stream().limit(10).map(HeavyHitter::key).collect(Collectors.toSet());
            assertThat(recall(estimatedTop10, exactTop10)).as("top-10 recall").isGreaterThanOrEqualTo(0.9);
        }
    }

    @Nested
    @DisplayName("Memory")
    class Memory {

        @Test
        @DisplayName("100,000 distinct keys use at most K = 64 counters")
        void boundedByK() {
            HeavyHitterDetector detector = new HeavyHitterDetector(HeavyHitterConfig.defaults().withTopK(64)
                    .withRecordWindow(NEVER_EXPIRES).withPanes(1));
            Random random = new Random(5);
            for (int i = 0; i < 100_000; i++) {
                detector.observe("distinct-" + i);
                detector.observe("zipf-" + random.nextInt(1000));
            }
            assertThat(detector.trackedKeys()).isLessThanOrEqualTo(64);
            assertThat(detector.topK()).hasSizeLessThanOrEqualTo(64);
            assertThat(detector.observedTotal()).isEqualTo(200_000);
        }
    }

    @Nested
    @DisplayName("Threads")
    class Threads {

        @Test
        @DisplayName("4 threads x 50,000 records: per-key counts exact when K covers every key, totals consistent")
        void exactCountsFromManyThreads() throws Exception {
            HeavyHitterDetector detector = new HeavyHitterDetector(HeavyHitterConfig.defaults().withTopK(1000)
                    .withRecordWindow(NEVER_EXPIRES).withPanes(1));
            Map<String, LongAdder> exact = new ConcurrentHashMap<>();
            runThreads(4, 50_000, 500, detector, exact);

            assertThat(detector.windowTotal()).isEqualTo(200_000);
            Map<String, Long> counted = detector.topK().stream()
                    .collect(Collectors.toMap(HeavyHitter::key, HeavyHitter::count));
            Map<String, Long> expected = exact.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
            assertThat(counted).isEqualTo(expected);
            assertThat(detector.topK()).allSatisfy(h -> assertThat(h.error()).isZero());
        }

        @Test
        @DisplayName("4 threads with evictions (K = 50, 5,000 keys): counts add up to the total, bounds hold")
        void consistentUnderEviction() throws Exception {
            HeavyHitterDetector detector = new HeavyHitterDetector(HeavyHitterConfig.defaults().withTopK(50)
                    .withRecordWindow(NEVER_EXPIRES).withPanes(1));
            Map<String, LongAdder> exact = new ConcurrentHashMap<>();
            runThreads(4, 50_000, 5000, detector, exact);

            List<HeavyHitter> top = detector.topK();
            assertThat(top).hasSize(50);
            assertThat(top.stream().mapToLong(HeavyHitter::count).sum()).isEqualTo(200_000);
            assertThat(top).allSatisfy(h -> {
                long truth = exact.get(h.key()).sum();
                assertThat(h.guaranteedCount()).isLessThanOrEqualTo(truth);
                assertThat(h.count()).isGreaterThanOrEqualTo(truth);
            });
        }

        private void runThreads(int threads, int perThread, int distinct, HeavyHitterDetector detector,
                Map<String, LongAdder> exact) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long seed = 100 + t;
                    futures.add(pool.submit(() -> {
                        ZipfKeys zipf = ZipfKeys.of("key-", distinct, 1.0, new Random(seed));
                        for (int i = 0; i < perThread; i++) {
                            String key = zipf.next();
                            detector.observe(key);
                            exact.computeIfAbsent(key, x -> new LongAdder()).increment();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("Window")
    class Window {

        private final AtomicLong clock = new AtomicLong(1_000_000);

        @Test
        @DisplayName("a hot key that goes quiet is no longer hot, nor counted, once a whole window has passed")
        void quietKeyCoolsAfterTheWindow() {
            HeavyHitterDetector detector = new HeavyHitterDetector(HeavyHitterConfig.defaults()
                    .withTimeWindow(Duration.ofSeconds(10)).withPanes(10).withMinEvents(100), clock::get);
            Random random = new Random(3);
            // 1 s of traffic in one pane (the clock starts pane-aligned): HOT is half of it.
            for (int i = 0; i < 1000; i++) {
                detector.observe(i % 2 == 0 ? "HOT" : "quiet-" + random.nextInt(100));
                clock.incrementAndGet();
            }
            assertThat(detector.isHot("HOT")).isTrue();
            long quietSince = clock.get() - 1;

            // HOT goes quiet; the others go on, 1 record every 10 ms (fewer than HOT sent, so its share stays high).
            while (clock.get() + 10 <= quietSince + 9_000) {
                clock.addAndGet(10);
                detector.observe("quiet-" + random.nextInt(100));
            }
            assertThat(detector.isHot("HOT")).as("9 s after going quiet, still in the 10 s window").isTrue();

            clock.set(quietSince + 10_000);
            assertThat(detector.isHot("HOT")).as("a whole window after going quiet").isFalse();
            assertThat(detector.topK()).extracting(HeavyHitter::key).doesNotContain("HOT");
            assertThat(detector.topK()).noneMatch(HeavyHitter::hot);
        }

        @Test
        @DisplayName("no traffic for a whole window empties the detector; the first records of a window are not hot")
        void silenceEmptiesTheWindow() {
            HeavyHitterDetector detector = new HeavyHitterDetector(HeavyHitterConfig.defaults()
                    .withTimeWindow(Duration.ofSeconds(10)).withMinEvents(100), clock::get);
            for (int i = 0; i < 99; i++) {
                assertThat(detector.observe("HOT")).as("record %d, fewer than min events", i + 1).isFalse();
            }
            assertThat(detector.observe("HOT")).as("the 100th record").isTrue();

            clock.addAndGet(10_000);
            assertThat(detector.windowTotal()).isZero();
            assertThat(detector.topK()).isEmpty();
            assertThat(detector.trackedKeys()).isZero();
            assertThat(detector.observe("HOT")).as("alone again, but below min events").isFalse();
        }

        @Test
        @DisplayName("a record-count window: HOT stops being hot after 1,000 records without it")
        void recordWindow() {
            HeavyHitterDetector detector = new HeavyHitterDetector(HeavyHitterConfig.defaults()
                    .withRecordWindow(1000).withPanes(10).withMinEvents(50));
            for (int i = 0; i < 500; i++) {
                detector.observe(i % 3 == 0 ? "HOT" : "other-" + (i % 50));
            }
            assertThat(detector.isHot("HOT")).isTrue();
            Set<Boolean> answers = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                detector.observe("other-" + (i % 50));
                answers.add(detector.isHot("HOT"));
            }
            assertThat(answers).as("cooled down somewhere within the 1,000 records").containsExactlyInAnyOrder(true,
                    false);
            assertThat(detector.isHot("HOT")).isFalse();
            assertThat(detector.topK()).extracting(HeavyHitter::key).doesNotContain("HOT");
        }

        @Test
        @DisplayName("a clock that goes back is taken as standing still")
        void clockGoingBack() {
            HeavyHitterDetector detector = new HeavyHitterDetector(HeavyHitterConfig.defaults().withMinEvents(1),
                    clock::get);
            detector.observe("A");
            clock.addAndGet(-60_000);
            detector.observe("A");
            assertThat(detector.windowTotal()).isEqualTo(2);
            assertThat(detector.isHot("A")).isTrue();
        }
    }

    static double precision(Set<String> reported, Set<String> truth) {
        if (reported.isEmpty()) {
            return 1.0;
        }
        return (double) reported.stream().filter(truth::contains).count() / reported.size();
    }

    static double recall(Set<String> reported, Set<String> truth) {
        return (double) truth.stream().filter(reported::contains).count() / truth.size();
    }
}
