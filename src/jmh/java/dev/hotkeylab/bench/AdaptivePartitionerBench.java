package dev.hotkeylab.bench;

import dev.hotkeylab.hotkeys.ZipfKeys;
import dev.hotkeylab.keys.adaptive.AdaptiveHeaderInterceptor;
import dev.hotkeylab.keys.adaptive.AdaptivePartitioner;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import dev.hotkeylab.keys.adaptive.HotKeyRouter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-record cost of {@link AdaptivePartitioner#partition} on a Zipf(1.2) stream over 10,000 concerts (the top one
 * is hot at threshold 0.2), 12 partitions, next to Kafka's own keyed placement (murmur2) on the same keys. With the
 * interceptor the cost includes {@code onSend} lending the headers and three headers written on spread records.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdaptivePartitionerBench {

    private static final String TOPIC = "tickets";
    private static final int STREAM = 1 << 16;

    private final String[] keys = new String[STREAM];
    private final byte[][] keyBytes = new byte[STREAM][];
    private Cluster cluster;
    private AdaptivePartitioner partitioner;
    private AdaptivePartitioner partitionerWithHeaders;
    private AdaptiveHeaderInterceptor interceptor;
    private int next;

    @Setup
    public void setup() {
        ZipfKeys zipf = ZipfKeys.of("CONCERT_", 10_000, 1.2, new Random(42));
        for (int i = 0; i < STREAM; i++) {
            keys[i] = zipf.next();
            keyBytes[i] = keys[i].getBytes(StandardCharsets.UTF_8);
        }
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> partitions = IntStream.range(0, 12)
                .mapToObj(p -> new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node})).toList();
        cluster = new Cluster("bench", List.of(node), partitions, Set.of(), Set.of());
        partitioner = new AdaptivePartitioner(new HotKeyRouter(AdaptivePartitionerConfig.defaults()));
        HotKeyRouter shared = new HotKeyRouter(AdaptivePartitionerConfig.defaults());
        partitionerWithHeaders = new AdaptivePartitioner(shared);
        interceptor = new AdaptiveHeaderInterceptor(shared);
    }

    @Benchmark
    public int defaultPlacement() {
        int i = next++ & (STREAM - 1);
        return BuiltInPartitioner.partitionForKey(keyBytes[i], 12);
    }

    @Benchmark
    public int adaptivePartition() {
        int i = next++ & (STREAM - 1);
        return partitioner.partition(TOPIC, keys[i], keyBytes[i], null, null, cluster);
    }

    @Benchmark
    public int adaptivePartitionWithHeaders() {
        int i = next++ & (STREAM - 1);
        ProducerRecord<Object, Object> record = interceptor.onSend(new ProducerRecord<>(TOPIC, keys[i], "v"));
        return partitionerWithHeaders.partition(TOPIC, record.key(), keyBytes[i], null, null, cluster);
    }
}
