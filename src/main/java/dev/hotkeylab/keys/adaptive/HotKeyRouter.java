package dev.hotkeylab.keys.adaptive;

import dev.hotkeylab.hotkeys.HeavyHitter;
import dev.hotkeylab.hotkeys.HeavyHitterDetector;
import dev.hotkeylab.keys.base.PartitionAwareSalts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.Headers;

/**
 * The decisions of one producer's {@link AdaptivePartitioner}, shared with its {@link AdaptiveHeaderInterceptor}
 * through {@link AdaptiveRegistry}: which keys are hot, where each record goes, and which headers a spread record gets.
 *
 * <p>A record with a key goes to its home partition ({@link BuiltInPartitioner#partitionForKey}, exactly where the
 * default partitioner puts it) unless its key is spread. A key starts being spread when the detector finds it hot and
 * stays spread until it has not been hot for {@code cooldownMillis}; while spread, its records go round robin over
 * {@code spreadOver(P)} partitions starting at home (home, home+1, ...), so each of them really gets its share.
 *
 * <p>What spreading does to order: records of one key on different partitions are consumed by different consumers, so
 * a spread key has no order across partitions. Switching is not atomic with consumption either: when a key becomes
 * hot, its last records on the home partition may be consumed after newer records on the other partitions; when it
 * cools down and goes back home, its records still waiting on other partitions may be consumed after newer records on
 * the home partition. Keys that are never hot keep Kafka's per-key order exactly.
 *
 * <p>One decision per record. {@code KafkaProducer} before 4.0 asks a configured partitioner twice for a record that
 * opens a new batch: {@code partition()}, then {@code Partitioner.onNewBatch(topic, cluster, prevPartition)} and
 * {@code partition()} again, back to back on the sending thread ({@code KafkaProducer.doSend} with
 * {@code abortOnNewBatch}; the cause of Kafka's own round-robin bugs KAFKA-9965 and KAFKA-16283). By then the record's
 * headers are read-only and copied into the batch. So {@link #onNewBatch} marks the sending thread, and the next
 * {@link #partition} call for the same record (same topic, same serialized key and value arrays) returns the first
 * answer without observing the key again or advancing a round robin: the detector sees each record once and the
 * {@link AdaptiveHeaders} written on the first call name the partition the record is appended to. kafka-clients 4.0
 * removed {@code onNewBatch} (KAFKA-18295) and asks once; then {@link #onNewBatch} is never called.
 *
 * <p>Thread safe: the detector is locked (see {@link HeavyHitterDetector}); the spread set is a concurrent map read
 * without locking on the cold path; the per-record state lives in a thread local, as a record is partitioned on the
 * thread that sends it.
 */
public final class HotKeyRouter {

    /** Events kept for {@link #events()}; older ones are dropped. */
    static final int MAX_EVENTS = 1_000;

    private final AdaptivePartitionerConfig config;
    private final HeavyHitterDetector detector;
    private final LongSupplier clockMillis;
    private final ConcurrentHashMap<String, Spread> spreading = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> nullKeyCounters = new ConcurrentHashMap<>();
    private final ArrayDeque<HotKeyEvent> events = new ArrayDeque<>();
    private final LongAdder spreadRecords = new LongAdder();
    private final LongAdder headersWritten = new LongAdder();
    private final LongAdder headersMissed = new LongAdder();
    private final LongAdder repeatedCalls = new LongAdder();
    private final ThreadLocal<InFlightRecord> inFlight = ThreadLocal.withInitial(InFlightRecord::new);

    /** A router on the system's monotonic clock. */
    public HotKeyRouter(AdaptivePartitionerConfig config) {
        this(config, () -> System.nanoTime() / 1_000_000);
    }

    /** A router on an injected clock (milliseconds), shared by the detector's window and the cooldown. */
    public HotKeyRouter(AdaptivePartitionerConfig config, LongSupplier clockMillis) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.clockMillis = clockMillis;
        this.detector = new HeavyHitterDetector(config.detector(), clockMillis);
    }

    public AdaptivePartitionerConfig config() {
        return config;
    }

    /**
     * The partition for one record; the same contract as {@link org.apache.kafka.clients.producer.Partitioner}.
     * Records without a key are spread round robin over the available partitions (see
     * {@link AdaptivePartitioner}).
     */
    public int partition(String topic, Object key, byte[] keyBytes, Cluster cluster) {
        return partition(topic, key, keyBytes, null, cluster);
    }

    /**
     * The partition for one record, decided once: a second call for the same record after {@link #onNewBatch} (see
     * the class comment) returns the first call's answer. {@code valueBytes} only tells records apart.
     */
    public int partition(String topic, Object key, byte[] keyBytes, byte[] valueBytes, Cluster cluster) {
        InFlightRecord f = inFlight.get();
        if (f.repeatAsked) {
            f.repeatAsked = false;
            if (f.isSameRecord(topic, keyBytes, valueBytes)) {
                repeatedCalls.increment();
                return f.partition;
            }
        }
        Headers headers = f.takeLentHeaders(topic, key);
        int partition = decide(topic, key, keyBytes, headers, cluster);
        f.decided(topic, keyBytes, valueBytes, partition);
        return partition;
    }

    /**
     * {@code Partitioner.onNewBatch} of kafka-clients before 4.0: the producer is about to ask again for the record
     * it just partitioned to {@code prevPartition}, on this thread. The next {@link #partition} call for that same
     * record gets the same answer.
     */
    public void onNewBatch(String topic, int prevPartition) {
        InFlightRecord f = inFlight.get();
        f.repeatAsked = f.decided && topic.equals(f.topic) && f.partition == prevPartition;
    }

    private int decide(String topic, Object key, byte[] keyBytes, Headers headers, Cluster cluster) {
        int partitions = partitionCount(topic, cluster);
        if (keyBytes == null) {
            return nullKeyPartition(topic, partitions, cluster);
        }
        int home = BuiltInPartitioner.partitionForKey(keyBytes, partitions);
        String detectorKey = key instanceof String s ? s : new String(keyBytes, StandardCharsets.ISO_8859_1);
        boolean hot = detector.observe(detectorKey);
        Spread spread = spreading.get(detectorKey);
        if (spread == null) {
            if (!hot || partitions < 2) {
                return home;
            }
            spread = spreading.computeIfAbsent(detectorKey, k -> {
                event(new HotKeyEvent(k, HotKeyEvent.Kind.SPREAD, clockMillis.getAsLong(), detector.observedTotal()));
                return new Spread(clockMillis.getAsLong());
            });
        }
        long now = clockMillis.getAsLong();
        if (hot) {
            spread.lastHotMillis = now;
        } else if (now - spread.lastHotMillis >= config.cooldownMillis()) {
            if (spreading.remove(detectorKey, spread)) {
                event(new HotKeyEvent(detectorKey, HotKeyEvent.Kind.HOME, now, detector.observedTotal()));
            }
            return home;
        }
        int over = config.spreadOver(partitions);
        int target = (int) ((home + Math.floorMod(spread.next.getAndIncrement(), (long) over)) % partitions);
        spreadRecords.increment();
        if (headers != null) {
            writeHeaders(headers, key, spread, target, home, partitions);
        }
        return target;
    }

    /**
     * Called by the interceptor for every record just before the producer serializes and partitions it on this
     * thread: a new record starts, and its headers (null for a record with an explicit partition, which never reaches
     * the partitioner) are lent to the next {@link #partition} call for the same topic and key object.
     */
    void lendHeaders(String topic, Object key, Headers headers) {
        InFlightRecord f = inFlight.get();
        f.lentTopic = topic;
        f.lentKey = key;
        f.lentHeaders = headers;
        // A new record is being sent on this thread: nothing asked before it is repeated for it.
        f.repeatAsked = false;
    }

    private void writeHeaders(Headers headers, Object key, Spread spread, int target, int home, int partitions) {
        try {
            headers.add(AdaptiveHeaders.SALTED, Integer.toString(target).getBytes(StandardCharsets.UTF_8));
            headers.add(AdaptiveHeaders.HOME_PARTITION, Integer.toString(home).getBytes(StandardCharsets.UTF_8));
            if (key instanceof String s && !s.isEmpty()) {
                headers.add(AdaptiveHeaders.SALTED_KEY,
                        spread.salts(s, partitions).saltedKeyFor(target).getBytes(StandardCharsets.UTF_8));
            }
            headersWritten.increment();
        } catch (IllegalStateException e) {
            // Headers already read-only: a producer that freezes headers before partitioning. Counted, not fatal.
            headersMissed.increment();
        }
    }

    private int nullKeyPartition(String topic, int partitions, Cluster cluster) {
        long n = nullKeyCounters.computeIfAbsent(topic, t -> new AtomicLong()).getAndIncrement();
        List<PartitionInfo> available = cluster.availablePartitionsForTopic(topic);
        if (!available.isEmpty()) {
            return available.get((int) Math.floorMod(n, (long) available.size())).partition();
        }
        return (int) Math.floorMod(n, (long) partitions);
    }

    private static int partitionCount(String topic, Cluster cluster) {
        Integer count = cluster.partitionCountForTopic(topic);
        if (count == null || count < 1) {
            // The producer waits for the topic's metadata before partitioning, so this means a broken cluster view.
            throw new IllegalStateException("no partitions known for topic " + topic);
        }
        return count;
    }

    /** Whether {@code key} is spread now. */
    public boolean isSpread(String key) {
        return spreading.containsKey(key);
    }

    /** The keys spread now. */
    public List<String> spreadKeys() {
        return List.copyOf(spreading.keySet());
    }

    /** The detector's view: tracked keys, counts, error bounds. */
    public List<HeavyHitter> topK() {
        return detector.topK();
    }

    /** Keyed records seen. */
    public long observed() {
        return detector.observedTotal();
    }

    /** Records sent away from the default placement because their key was spread. */
    public long spreadRecords() {
        return spreadRecords.sum();
    }

    /** Spread records that got their headers (the interceptor is configured and lent them). */
    public long headersWritten() {
        return headersWritten.sum();
    }

    /** Spread records whose lent headers were already read-only. */
    public long headersMissed() {
        return headersMissed.sum();
    }

    /**
     * Second calls for a record already decided (kafka-clients before 4.0, when the record opened a new batch),
     * answered with the first decision.
     */
    public long repeatedCalls() {
        return repeatedCalls.sum();
    }

    /** Keys found hot and sent home, oldest first (the last {@value #MAX_EVENTS}). */
    public List<HotKeyEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void event(HotKeyEvent e) {
        synchronized (events) {
            if (events.size() == MAX_EVENTS) {
                events.removeFirst();
            }
            events.addLast(e);
        }
    }

    /** One spread key: when it was last hot, its round-robin counter, its salted keys for the header. */
    private static final class Spread {
        final AtomicLong next = new AtomicLong();
        volatile long lastHotMillis;
        private volatile PartitionAwareSalts salts;

        Spread(long now) {
            this.lastHotMillis = now;
        }

        PartitionAwareSalts salts(String key, int partitions) {
            PartitionAwareSalts s = salts;
            if (s == null || s.partitions() != partitions) {
                s = PartitionAwareSalts.compute(key, partitions);
                salts = s;
            }
            return s;
        }
    }
}
