package dev.hotkeylab.keys.adaptive;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The producer side of {@code AdaptivePartitionerClientVersionsTest}, run in a JVM of its own on the classpath of one
 * kafka-clients version: a plain {@link KafkaProducer} configured with the AdaptivePartitioner by properties, as a user
 * would. It uses only API that kafka-clients 3.6 to 4.3 share.
 *
 * <p>Arguments: {@code BOOTSTRAP CASE...}, each case {@code TOPIC:RECORDS:sync|async:0|default} (the last part is
 * {@code linger.ms}: 0, or the client's default). Per case it sends {@code RECORDS} records in a fixed order: every
 * 6th without a key, every 6th (offset 1) for one of 24 cold keys, the rest for the hot key; the value is
 * {@code seq-N}. It prints one line per case:
 * {@code case TOPIC client=VERSION linger=MS sent=N observed=N spread=N headers=N missed=N repeated=N ms=N}
 * (the router's counters, read while the producer is open) and exits 0, or prints the failure and exits 1.
 */
public final class ClientVersionProducer {

    static final String HOT = "SUPER_STAR_CONCERT_2026";
    static final int COLD_KEYS = 24;

    private ClientVersionProducer() {
    }

    /** The key of record {@code seq}: null, a cold key, or the hot key. */
    static String keyOf(int seq) {
        if (seq % 6 == 0) {
            return null;
        }
        if (seq % 6 == 1) {
            return "cold-" + (seq / 6) % COLD_KEYS;
        }
        return HOT;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        for (int i = 1; i < args.length; i++) {
            String[] c = args[i].split(":");
            System.out.println(run(bootstrap, c[0], Integer.parseInt(c[1]), c[2].equals("sync"), c[3]));
            System.out.flush();
        }
    }

    private static String run(String bootstrap, String topic, int records, boolean sync, String linger)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, topic);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // max.block.ms (default 60000): a broken broker fails the case within seconds.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        if (!linger.equals("default")) {
            props.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        }
        // The lines a user adds (README, "Adaptive partitioner"); a window counted in records keeps detection
        // independent of the machine's speed.
        props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, "dev.hotkeylab.keys.adaptive.AdaptivePartitioner");
        props.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, "dev.hotkeylab.keys.adaptive.AdaptiveHeaderInterceptor");
        props.put("hotkey.adaptive.threshold", "0.2");
        props.put("hotkey.adaptive.window.records", "600");
        props.put("hotkey.adaptive.min.events", "50");
        Object lingerMs = linger.equals("default")
                ? ProducerConfig.configDef().defaultValues().get(ProducerConfig.LINGER_MS_CONFIG) : linger;

        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<?>> pending = new ArrayList<>();
            for (int seq = 0; seq < records; seq++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, keyOf(seq), "seq-" + seq);
                if (sync) {
                    producer.send(record).get(30, TimeUnit.SECONDS);
                } else {
                    pending.add(producer.send(record, (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    }));
                }
            }
            producer.flush();
            for (Future<?> f : pending) {
                f.get(30, TimeUnit.SECONDS);
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            HotKeyRouter router = AdaptiveRegistry.forClient(topic).orElseThrow(
                    () -> new IllegalStateException("no router registered for client.id " + topic));
            return "case " + topic + " client=" + AppInfoParser.getVersion() + " linger=" + lingerMs
                    + " sent=" + records + " observed=" + router.observed() + " spread=" + router.spreadRecords()
                    + " headers=" + router.headersWritten() + " missed=" + router.headersMissed()
                    + " repeated=" + router.repeatedCalls() + " ms=" + (System.nanoTime() - start) / 1_000_000;
        }
    }
}
