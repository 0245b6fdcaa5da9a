package dev.hotkeylab.keys.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.hotkeys.HeavyHitterConfig;
import dev.hotkeylab.hotkeys.ZipfKeys;
import dev.hotkeylab.keys.KafkaPartitioning;
import dev.hotkeylab.metrics.Skew;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AdaptivePartitioner: cold keys at home, hot keys spread, cooled keys home again (no broker)")
class AdaptivePartitionerTest {

    private static final String TOPIC = "tickets";
    private static final String HOT = "SUPER_STAR_CONCERT_2026";

    private final AtomicLong clock = new AtomicLong(1_000_000);

    static Cluster cluster(int partitions, int... unavailable) {
        Node node = new Node(0, "localhost", 9092);
        Set<Integer> down = new HashSet<>();
        for (int p : unavailable) {
            down.add(p);
        }
        List<PartitionInfo> infos = IntStream.range(0, partitions).mapToObj(p -> new PartitionInfo(TOPIC, p,
                down.contains(p) ? null : node, new Node[] {node}, new Node[] {node})).toList();
        return new Cluster("test-cluster", List.of(node), infos, Set.of(), Set.of());
    }

    private AdaptivePartitioner partitioner(AdaptivePartitionerConfig config) {
        return new AdaptivePartitioner(new HotKeyRouter(config, clock::get));
    }

    private static int send(AdaptivePartitioner partitioner, String key, Cluster cluster) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return partitioner.partition(TOPIC, key, bytes, null, null, cluster);
    }

    @Nested
    @DisplayName("Cold keys")
    class Cold {

        @Test
        @DisplayName("20,000 records over 5,000 Zipf(1.0) keys, none over 20%: each exactly where BuiltInPartitioner puts it")
        void coldKeysKeepDefaultPlacement() {
            Cluster cluster = cluster(6);
            AdaptivePartitioner partitioner = partitioner(AdaptivePartitionerConfig.defaults());
            ZipfKeys zipf = ZipfKeys.of("concert-", 5000, 1.0, new Random(11));
            for (int i = 0; i < 20_000; i++) {
                String key = zipf.next();
                int expected = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 6);
                assertThat(send(partitioner, key, cluster)).as("record %d, key %s", i, key).isEqualTo(expected);
            }
            assertThat(partitioner.router().spreadRecords()).isZero();
            assertThat(partitioner.router().events()).isEmpty();
        }

        @Test
        @DisplayName("non-String keys are placed by their bytes too")
        void bytesKeys() {
            Cluster cluster = cluster(5);
            AdaptivePartitioner partitioner = partitioner(AdaptivePartitionerConfig.defaults());
            for (long id = 0; id < 50; id++) {
                byte[] bytes = Long.toString(id * 7919).getBytes(StandardCharsets.UTF_8);
                assertThat(partitioner.partition(TOPIC, id, bytes, null, null, cluster))
                        .isEqualTo(KafkaPartitioning.partitionFor(bytes, 5));
            }
        }
    }

    @Nested
    @DisplayName("Hot keys")
    class Hot {

        @Test
        @DisplayName("a key with half the traffic spreads over all 6 partitions, max/mean < 1.02; the others stay home")
        void hotKeySpreadsEvenly() {
            Cluster cluster = cluster(6);
            AdaptivePartitioner partitioner = partitioner(AdaptivePartitionerConfig.defaults());
            long[] hot = new long[6];
            Random random = new Random(7);
            for (int i = 0; i < 60_000; i++) {
                if (i % 2 == 0) {
                    hot[send(partitioner, HOT, cluster)]++;
                } else {
                    String key = "quiet-" + random.nextInt(1000);
                    assertThat(send(partitioner, key, cluster)).isEqualTo(KafkaPartitioning.partitionFor(key, 6));
                }
            }
            Skew skew = Skew.of(hot);
            assertThat(skew.idlePartitions()).isEmpty();
            assertThat(skew.maxOverMean()).isLessThan(1.02);
            assertThat(partitioner.router().spreadKeys()).containsExactly(HOT);
            assertThat(partitioner.router().events()).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo(HOT);
                assertThat(e.kind()).isEqualTo(HotKeyEvent.Kind.SPREAD);
                assertThat(e.observation()).as("HOT's first record once the window holds min events (100)")
                        .isEqualTo(101);
            });
        }

        @Test
        @DisplayName("spread.partitions = 3 of 12: the hot key goes round robin over home, home+1, home+2")
        void boundedSpread() {
            Cluster cluster = cluster(12);
            AdaptivePartitioner partitioner = partitioner(AdaptivePartitionerConfig.defaults().withSpreadPartitions(3));
            int home = KafkaPartitioning.partitionFor(HOT, 12);
            Map<Integer, Integer> counts = new HashMap<>();
            for (int i = 0; i < 3000; i++) {
                counts.merge(send(partitioner, HOT, cluster), 1, Integer::sum);
            }
            assertThat(counts.keySet()).containsExactlyInAnyOrder(home, (home + 1) % 12, (home + 2) % 12);
            assertThat(counts.get((home + 1) % 12)).isEqualTo(counts.get((home + 2) % 12)).isBetween(966, 967);
        }

        @Test
        @DisplayName("one partition: a hot key has nowhere to go and stays on partition 0")
        void singlePartition() {
            AdaptivePartitioner partitioner = partitioner(AdaptivePartitionerConfig.defaults());
            for (int i = 0; i < 500; i++) {
                assertThat(send(partitioner, HOT, cluster(1))).isZero();
            }
            assertThat(partitioner.router().spreadKeys()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Cooling down")
    class Cooling {

        @Test
        @DisplayName("a key quiet past its window goes home exactly cooldown.ms after it was last hot")
        void goesHomeAfterTheHoldTime() {
            AdaptivePartitionerConfig config = AdaptivePartitionerConfig.defaults()
                    .withDetector(HeavyHitterConfig.defaults().withTimeWindow(Duration.ofSeconds(1)).withMinEvents(20))
                    .withCooldownMillis(2000);
            AdaptivePartitioner partitioner = partitioner(config);
            Cluster cluster = cluster(4);
            int home = KafkaPartitioning.partitionFor(HOT, 4);
            Random random = new Random(1);

            // 100 ms, one record per ms, HOT every other one: spread.
            Set<Integer> hotPartitions = new HashSet<>();
            long lastHot = 0;
            for (int i = 0; i < 100; i++) {
                clock.incrementAndGet();
                if (i % 2 == 0) {
                    hotPartitions.add(send(partitioner, HOT, cluster));
                    lastHot = clock.get();
                } else {
                    send(partitioner, "quiet-" + random.nextInt(200), cluster);
                }
            }
            assertThat(hotPartitions).containsExactlyInAnyOrder(0, 1, 2, 3);

            // HOT is silent while the others go on; then, past its window but within the hold time, still spread.
            while (clock.get() < lastHot + 1999) {
                clock.incrementAndGet();
                send(partitioner, "quiet-" + random.nextInt(200), cluster);
            }
            assertThat(partitioner.router().topK()).noneMatch(h -> h.key().equals(HOT) && h.hot());
            Set<Integer> held = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                held.add(send(partitioner, HOT, cluster));
            }
            assertThat(held).as("1999 ms after it was last hot").hasSize(4);
            assertThat(partitioner.router().isSpread(HOT)).isTrue();

            clock.set(lastHot + 2000);
            assertThat(send(partitioner, HOT, cluster)).as("2000 ms after it was last hot").isEqualTo(home);
            for (int i = 0; i < 20; i++) {
                assertThat(send(partitioner, HOT, cluster)).isEqualTo(home);
            }
            assertThat(partitioner.router().isSpread(HOT)).isFalse();
            assertThat(partitioner.router().events()).extracting(HotKeyEvent::kind)
                    .containsExactly(HotKeyEvent.Kind.SPREAD, HotKeyEvent.Kind.HOME);
            assertThat(partitioner.router().events().get(1).atMillis()).isEqualTo(lastHot + 2000);
        }
    }

    @Nested
    @DisplayName("Headers through the interceptor")
    class Headers {

        @Test
        @DisplayName("spread records get hotkey-salted, -home-partition, -salted-key; cold records get none; key intact")
        void headersOnSpreadRecordsOnly() {
            HotKeyRouter router = new HotKeyRouter(AdaptivePartitionerConfig.defaults(), clock::get);
            AdaptivePartitioner partitioner = new AdaptivePartitioner(router);
            AdaptiveHeaderInterceptor interceptor = new AdaptiveHeaderInterceptor(router);
            Cluster cluster = cluster(3);
            List<ProducerRecord<Object, Object>> hot = new ArrayList<>();
            List<Integer> hotPartitions = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String key = i % 2 == 0 ? HOT : "quiet-" + i;
                ProducerRecord<Object, Object> record = interceptor.onSend(new ProducerRecord<>(TOPIC, key, "v"));
                int p = partitioner.partition(TOPIC, record.key(), key.getBytes(StandardCharsets.UTF_8), null, null,
                        cluster);
                if (key.equals(HOT)) {
                    hot.add(record);
                    hotPartitions.add(p);
                } else {
                    assertThat(record.headers().toArray()).isEmpty();
                }
            }
            int home = KafkaPartitioning.partitionFor(HOT, 3);
            int salted = 0;
            for (int i = 0; i < hot.size(); i++) {
                ProducerRecord<Object, Object> r = hot.get(i);
                assertThat(r.key()).isEqualTo(HOT);
                if (!AdaptiveHeaders.isSalted(r.headers())) {
                    assertThat(hotPartitions.get(i)).isEqualTo(home);
                    continue;
                }
                salted++;
                int p = hotPartitions.get(i);
                assertThat(AdaptiveHeaders.text(r.headers(), AdaptiveHeaders.SALTED)).isEqualTo(String.valueOf(p));
                assertThat(AdaptiveHeaders.text(r.headers(), AdaptiveHeaders.HOME_PARTITION))
                        .isEqualTo(String.valueOf(home));
                String saltedKey = AdaptiveHeaders.text(r.headers(), AdaptiveHeaders.SALTED_KEY);
                assertThat(saltedKey).startsWith(HOT + "_");
                assertThat(KafkaPartitioning.partitionFor(saltedKey, 3)).isEqualTo(p);
            }
            assertThat(salted).isEqualTo(router.headersWritten()).isEqualTo(router.spreadRecords()).isEqualTo(150);
        }

        @Test
        @DisplayName("a loan for another key object is not used")
        void staleLoanIgnored() {
            HotKeyRouter router = new HotKeyRouter(AdaptivePartitionerConfig.defaults()
                    .withDetector(HeavyHitterConfig.defaults().withMinEvents(1)), clock::get);
            AdaptiveHeaderInterceptor interceptor = new AdaptiveHeaderInterceptor(router);
            ProducerRecord<Object, Object> lent = interceptor.onSend(new ProducerRecord<>(TOPIC, new String(HOT), "v"));
            router.partition(TOPIC, HOT, HOT.getBytes(StandardCharsets.UTF_8), cluster(3));
            assertThat(router.spreadRecords()).isEqualTo(1);
            assertThat(lent.headers().toArray()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Asked twice for one record (kafka-clients before 4.0: partition, onNewBatch, partition)")
    class AskedTwice {

        /** What KafkaProducer.doSend of 3.x does for a record that opens a new batch. */
        private int sendOpeningNewBatch(AdaptiveHeaderInterceptor interceptor, AdaptivePartitioner partitioner,
                ProducerRecord<Object, Object> record, Cluster cluster) {
            ProducerRecord<Object, Object> sent = interceptor.onSend(record);
            byte[] keyBytes = sent.key() == null ? null : sent.key().toString().getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = sent.value().toString().getBytes(StandardCharsets.UTF_8);
            int first = partitioner.partition(TOPIC, sent.key(), keyBytes, sent.value(), valueBytes, cluster);
            partitioner.onNewBatch(TOPIC, cluster, first);
            return partitioner.partition(TOPIC, sent.key(), keyBytes, sent.value(), valueBytes, cluster);
        }

        @Test
        @DisplayName("2 partitions, every record opening a batch: the hot key alternates, each header names its partition, one observation per record")
        void hotKeyDecidedOnce() {
            HotKeyRouter router = new HotKeyRouter(AdaptivePartitionerConfig.defaults()
                    .withDetector(HeavyHitterConfig.defaults().withMinEvents(10)), clock::get);
            AdaptivePartitioner partitioner = new AdaptivePartitioner(router);
            AdaptiveHeaderInterceptor interceptor = new AdaptiveHeaderInterceptor(router);
            Cluster cluster = cluster(2);
            long[] perPartition = new long[2];
            int mismatches = 0;
            for (int i = 0; i < 400; i++) {
                ProducerRecord<Object, Object> record = new ProducerRecord<>(TOPIC, HOT, "v" + i);
                int p = sendOpeningNewBatch(interceptor, partitioner, record, cluster);
                perPartition[p]++;
                String salted = AdaptiveHeaders.text(record.headers(), AdaptiveHeaders.SALTED);
                if (salted != null && !salted.equals(String.valueOf(p))) {
                    mismatches++;
                }
            }
            assertThat(mismatches).isZero();
            assertThat(router.observed()).isEqualTo(400);
            assertThat(router.repeatedCalls()).isEqualTo(400);
            assertThat(router.headersWritten()).isEqualTo(router.spreadRecords()).isEqualTo(391);
            int home = KafkaPartitioning.partitionFor(HOT, 2);
            // 9 records at home before detection, then 391 alternating starting at home.
            assertThat(perPartition[home]).isEqualTo(9 + 196);
            assertThat(perPartition[1 - home]).isEqualTo(195);
        }

        @Test
        @DisplayName("records without a key on 4 partitions: round robin over all 4, not every other one")
        void nullKeysDecidedOnce() {
            HotKeyRouter router = new HotKeyRouter(AdaptivePartitionerConfig.defaults(), clock::get);
            AdaptivePartitioner partitioner = new AdaptivePartitioner(router);
            AdaptiveHeaderInterceptor interceptor = new AdaptiveHeaderInterceptor(router);
            Cluster cluster = cluster(4);
            List<Integer> chosen = IntStream.range(0, 8).mapToObj(i -> sendOpeningNewBatch(interceptor, partitioner,
                    new ProducerRecord<>(TOPIC, null, "v" + i), cluster)).toList();
            assertThat(chosen).containsExactly(0, 1, 2, 3, 0, 1, 2, 3);
        }

        @Test
        @DisplayName("without the interceptor too: the second call for the same serialized record repeats the first")
        void withoutInterceptor() {
            HotKeyRouter router = new HotKeyRouter(AdaptivePartitionerConfig.defaults(), clock::get);
            AdaptivePartitioner partitioner = new AdaptivePartitioner(router);
            Cluster cluster = cluster(4);
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] value = ("v" + i).getBytes(StandardCharsets.UTF_8);
                int first = partitioner.partition(TOPIC, null, null, "v", value, cluster);
                partitioner.onNewBatch(TOPIC, cluster, first);
                chosen.add(partitioner.partition(TOPIC, null, null, "v", value, cluster));
            }
            assertThat(chosen).containsExactly(0, 1, 2, 3, 0, 1, 2, 3);
        }

        @Test
        @DisplayName("a new batch for a record with an explicit partition does not make the next record a repeat")
        void explicitPartitionRecordInBetween() {
            HotKeyRouter router = new HotKeyRouter(AdaptivePartitionerConfig.defaults(), clock::get);
            AdaptivePartitioner partitioner = new AdaptivePartitioner(router);
            AdaptiveHeaderInterceptor interceptor = new AdaptiveHeaderInterceptor(router);
            Cluster cluster = cluster(4);
            int first = sendOpeningNewBatch(interceptor, partitioner, new ProducerRecord<>(TOPIC, null, "a"), cluster);
            // An explicit partition equal to the last decision: the producer calls onNewBatch but not partition().
            interceptor.onSend(new ProducerRecord<>(TOPIC, first, null, "b"));
            partitioner.onNewBatch(TOPIC, cluster, first);
            int next = sendOpeningNewBatch(interceptor, partitioner, new ProducerRecord<>(TOPIC, null, "c"), cluster);
            assertThat(List.of(first, next)).containsExactly(0, 1);
            assertThat(router.repeatedCalls()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("Records without a key")
    class NullKeys {

        @Test
        @DisplayName("go round robin over the available partitions")
        void roundRobinOverAvailable() {
            AdaptivePartitioner partitioner = partitioner(AdaptivePartitionerConfig.defaults());
            Cluster cluster = cluster(4, 2);
            List<Integer> chosen = IntStream.range(0, 9)
                    .mapToObj(i -> partitioner.partition(TOPIC, null, null, "v", null, cluster)).toList();
            assertThat(chosen).containsExactly(0, 1, 3, 0, 1, 3, 0, 1, 3);
        }
    }

    @Nested
    @DisplayName("Configuration through producer properties")
    class Configuration {

        @Test
        @DisplayName("hotkey.adaptive.* keys are read, other keys ignored, defaults filled in")
        void readsItsKeys() {
            AdaptivePartitionerConfig c = AdaptivePartitionerConfig.from(Map.of(
                    "bootstrap.servers", "localhost:9092",
                    AdaptivePartitionerConfig.THRESHOLD, "0.25",
                    AdaptivePartitionerConfig.TOP_K, 16,
                    AdaptivePartitionerConfig.WINDOW_RECORDS, "5000",
                    AdaptivePartitionerConfig.SPREAD_PARTITIONS, "4"));
            assertThat(c.detector().threshold()).isEqualTo(0.25);
            assertThat(c.detector().topK()).isEqualTo(16);
            assertThat(c.detector().windowUnit()).isEqualTo(HeavyHitterConfig.WindowUnit.RECORDS);
            assertThat(c.detector().window()).isEqualTo(5000);
            assertThat(c.spreadPartitions()).isEqualTo(4);
            assertThat(c.spreadOver(3)).isEqualTo(3);
            assertThat(c.cooldownMillis()).as("defaults to window.ms").isEqualTo(10_000);
            assertThat(AdaptivePartitionerConfig.from(c.toProducerConfig())).isEqualTo(c);
            assertThat(AdaptivePartitionerConfig.from(Map.of())).isEqualTo(AdaptivePartitionerConfig.defaults());
        }

        @Test
        @DisplayName("bad values fail with one line naming the key and the value")
        void badValues() {
            assertThatThrownBy(() -> AdaptivePartitionerConfig.from(Map.of(AdaptivePartitionerConfig.TOP_K, "0")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Invalid value 0 for configuration hotkey.adaptive.top.k: must be in [1, 1000000]");
            assertThatThrownBy(() -> AdaptivePartitionerConfig.from(
                    Map.of(AdaptivePartitionerConfig.SPREAD_PARTITIONS, "1")))
                    .hasMessage("Invalid value 1 for configuration hotkey.adaptive.spread.partitions: "
                            + "must be 'all' or a number >= 2");
            assertThatThrownBy(() -> AdaptivePartitionerConfig.from(
                    Map.of(AdaptivePartitionerConfig.THRESHOLD, "1.5")))
                    .hasMessage("Invalid value 1.5 for configuration hotkey.adaptive.threshold: must be in (0, 1]");
            assertThatThrownBy(() -> AdaptivePartitionerConfig.from(
                    Map.of(AdaptivePartitionerConfig.THRESHOLD, "0.01")))
                    .hasMessage("top-k must be >= 1/threshold = 100 (that many keys can be over a threshold of 0.01)"
                            + " but got 32 (set by hotkey.adaptive.top.k, hotkey.adaptive.threshold, "
                            + "hotkey.adaptive.window.ms, hotkey.adaptive.window.panes)");
            assertThatThrownBy(() -> AdaptivePartitionerConfig.from(
                    Map.of(AdaptivePartitionerConfig.COOLDOWN_MS, "soon")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("hotkey.adaptive.cooldown.ms");
        }

        @Test
        @DisplayName("partitioner and interceptor of one client.id share one router, removed when both close")
        void registryByClientId() {
            Map<String, Object> configs = Map.of("client.id", "registry-test-" + System.nanoTime(),
                    AdaptivePartitionerConfig.THRESHOLD, 0.5);
            AdaptivePartitioner partitioner = new AdaptivePartitioner();
            partitioner.configure(configs);
            AdaptiveHeaderInterceptor interceptor = new AdaptiveHeaderInterceptor();
            interceptor.configure(configs);
            String id = (String) configs.get("client.id");
            assertThat(AdaptiveRegistry.forClient(id)).containsSame(partitioner.router());
            assertThat(partitioner.router().config().detector().threshold()).isEqualTo(0.5);
            partitioner.close();
            assertThat(AdaptiveRegistry.forClient(id)).isPresent();
            interceptor.close();
            assertThat(AdaptiveRegistry.forClient(id)).isEmpty();
        }
    }
}
