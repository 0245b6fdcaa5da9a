package dev.hotkeylab.scan;

import dev.hotkeylab.metrics.PartitionLag;
import dev.hotkeylab.metrics.Skew;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic's keys with a group-less read_committed consumer (so transaction markers and aborted records are not
 * counted as records) and counts records, bytes and keys per partition in a {@link KeyTally}. Values are never
 * deserialized or copied ({@link SkipValue}); only {@link ConsumerRecord#serializedValueSize()} is read. The offsets
 * asked before reading come from {@link TopicOffsets}, whose every Admin call is bounded by {@link ScanConfig#timeout()},
 * so an unreachable cluster is an error within seconds; the producing client is guessed by {@link ClientFits}.
 *
 * <p>{@link #stop()} (from another thread, e.g. a Ctrl-C hook) ends reading after the current poll; {@link #scan}
 * then returns what was read so far. One scan per instance.
 */
public final class TopicScanner {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ScanConfig config;
    private volatile boolean stopRequested;
    private volatile KafkaConsumer<byte[], Void> consumer;

    public TopicScanner(ScanConfig config) {
        this.config = config;
    }

    /** Ends reading after the current poll; safe from any thread. */
    public void stop() {
        stopRequested = true;
        KafkaConsumer<byte[], Void> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /**
     * Reads the topic and returns what it found.
     *
     * @param expected told once, before reading, how many records reading to the end would take (or -1 when reading
     *                 from the latest offset)
     * @param progress told the records read so far, after every poll
     * @throws IllegalArgumentException the topic does not exist, or the bootstrap address does not parse
     * @throws IllegalStateException    Kafka did not answer within the timeout
     */
    public ScanResult scan(LongConsumer expected, LongConsumer progress) {
        Map<String, Object> adminConfig = new HashMap<>();
        int timeoutMs = (int) config.timeout().toMillis();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "hotkey-lab-scan-admin");
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        Admin admin;
        try {
            admin = Admin.create(adminConfig);
        } catch (KafkaException e) {
            throw new IllegalArgumentException("bad bootstrap address '" + config.bootstrap() + "': "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        try (admin) {
            return scan(admin, expected, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka at " + config.bootstrap());
        }
    }

    private ScanResult scan(Admin admin, LongConsumer expected, LongConsumer progress) throws InterruptedException {
        TopicOffsets offsets = TopicOffsets.read(admin, config);
        List<TopicPartition> tps = offsets.partitions();
        int count = tps.size();
        long[] start = offsets.start();
        long[] end = offsets.end();
        long[] stable = offsets.stable();
        Map<Integer, Long> committed = offsets.committed();

        boolean earliest = config.from() == ScanConfig.From.EARLIEST;
        long[] records = new long[count];
        long[] bytes = new long[count];
        long[] afterCommit = new long[count];
        long[] firstTs = new long[count];
        long[] lastTs = new long[count];
        boolean[] done = new boolean[count];
        long toRead = 0;
        for (int p = 0; p < count; p++) {
            firstTs[p] = Long.MAX_VALUE;
            lastTs[p] = Long.MIN_VALUE;
            done[p] = earliest && start[p] >= stable[p];
            toRead += earliest ? Math.max(0, stable[p] - start[p]) : 0;
        }
        expected.accept(earliest ? Math.min(toRead, config.maxRecords()) : -1);

        KeyTally tally = new KeyTally(config.exactKeys(), config.counters());
        String stopReason = null;
        long read = 0;
        long elapsedNanos = 0;
        long started = 0;
        long deadline;
        try (KafkaConsumer<byte[], Void> c = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(),
                new SkipValue())) {
            consumer = c;
            c.assign(tps);
            if (earliest) {
                c.seekToBeginning(tps);
            } else {
                c.seekToEnd(tps);
            }
            // reading time starts here, as Kafka's ConsumerPerformance starts its clock after creating its consumer
            started = System.nanoTime();
            deadline = started + config.maxDuration().toNanos();
            while (true) {
                if (earliest && allDone(done)) {
                    stopReason = "end of topic";
                    break;
                }
                if (stopRequested) {
                    stopReason = "interrupted (Ctrl-C)";
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    stopReason = "--duration limit";
                    break;
                }
                ConsumerRecords<byte[], Void> polled;
                try {
                    polled = c.poll(POLL);
                } catch (WakeupException | InterruptException e) {
                    // an interrupt is a stop request like Ctrl-C: cleared, so closing and writing still work
                    Thread.interrupted();
                    stopReason = "interrupted (Ctrl-C)";
                    break;
                }
                for (ConsumerRecord<byte[], Void> r : polled) {
                    int p = r.partition();
                    if (earliest && r.offset() >= stable[p]) {
                        continue; // committed after the scan started: not part of the snapshot being read
                    }
                    records[p]++;
                    bytes[p] += Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
                    long ts = r.timestamp();
                    firstTs[p] = Math.min(firstTs[p], ts);
                    lastTs[p] = Math.max(lastTs[p], ts);
                    Long cp = committed.get(p);
                    if (cp != null && r.offset() >= cp) {
                        afterCommit[p]++;
                    }
                    tally.add(r.key(), p);
                    if (++read >= config.maxRecords()) {
                        break;
                    }
                }
                progress.accept(read);
                if (read >= config.maxRecords()) {
                    stopReason = "--records limit";
                    break;
                }
                if (earliest) {
                    for (int p = 0; p < count; p++) {
                        if (!done[p] && c.position(tps.get(p), config.timeout()) >= stable[p]) {
                            done[p] = true;
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            stopReason = "interrupted (Ctrl-C)";
        } finally {
            consumer = null;
            elapsedNanos = started == 0 ? 0 : System.nanoTime() - started;
        }
        long elapsedMillis = elapsedNanos / 1_000_000;

        List<ScanResult.PartitionScan> partitions = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            boolean any = records[p] > 0;
            partitions.add(new ScanResult.PartitionScan(p, start[p], end[p], stable[p], records[p], bytes[p],
                    any ? firstTs[p] : 0, any ? lastTs[p] : 0, earliest && done[p]));
        }
        List<PartitionLag> lags = null;
        if (config.group() != null) {
            lags = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                final int partition = p;
                // Records were counted only when this partition was read whole, and nothing is in flight past the
                // last stable offset (an open transaction's records would not be read yet).
                boolean counted = earliest && done[p] && stable[p] == end[p];
                lags.add(PartitionLag.of(p, start[p], end[p], committed.get(p), !counted ? null
                        : from -> from <= start[partition] ? records[partition] : afterCommit[partition]));
            }
        }
        return new ScanResult(config, stopReason, earliest && allDone(done), elapsedMillis, partitions, tally,
                Skew.of(records), lags, ClientFits.of(tally, count));
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = new HashMap<>();
        int timeoutMs = (int) config.timeout().toMillis();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "hotkey-lab-scan");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        // Larger fetches per partition than the 1 MiB default: fewer round trips on a hot partition. The fetch buffer
        // stays within fetch.max.bytes (50 MiB, the default), the scan's memory apart from its key tally.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        return props;
    }

    private static boolean allDone(boolean[] done) {
        for (boolean d : done) {
            if (!d) {
                return false;
            }
        }
        return true;
    }

    /** A value "deserializer" that never looks at the value: no copy, no allocation. */
    static final class SkipValue implements Deserializer<Void> {
        @Override
        public Void deserialize(String topic, byte[] data) {
            return null;
        }

        @Override
        public Void deserialize(String topic, Headers headers, byte[] data) {
            return null;
        }

        @Override
        public Void deserialize(String topic, Headers headers, ByteBuffer data) {
            return null;
        }
    }
}
