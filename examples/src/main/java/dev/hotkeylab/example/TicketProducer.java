package dev.hotkeylab.example;

import dev.hotkeylab.keys.adaptive.AdaptiveHeaderInterceptor;
import dev.hotkeylab.keys.adaptive.AdaptivePartitioner;
import dev.hotkeylab.keys.adaptive.AdaptivePartitionerConfig;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A ticket producer in a project that depends on hotkey-lab: its configuration is the README's usage snippet (the
 * region between the {@code tag::partitioner} markers is copied into the README, and hotkey-lab's own tests check
 * that it still is). Records are keyed by concert; a concert that carries more than 20 % of recent records is spread
 * over the topic's partitions, every other concert keeps Kafka's default placement.
 *
 * <pre>
 * java -cp target/classes:$(cat target/runtime-classpath.txt) dev.hotkeylab.example.TicketProducer \
 *     BOOTSTRAP TOPIC RECORDS [SEED]
 * </pre>
 *
 * prints {@code records per partition: [n0, n1, ...]} (what each partition received) and exits 0.
 */
public final class TicketProducer implements AutoCloseable {

    /** The one hot concert of {@link #send}: 80 % of the records. */
    public static final String HOT_CONCERT = "SUPER_STAR_CONCERT_2026";
    /** The quiet concerts share the other 20 %: {@code CONCERT_0} .. {@code CONCERT_19}. */
    public static final int QUIET_CONCERTS = 20;

    private final Producer<String, String> producer;
    private final String topic;

    public TicketProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        // tag::partitioner[]
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Kafka's own placement for every key until one carries more than 20 % of recent records; that key is spread.
        props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, AdaptivePartitioner.class.getName());
        props.put(AdaptivePartitionerConfig.THRESHOLD, "0.2");
        // Headers on spread records (hotkey-salted, hotkey-home-partition) so consumers can re-aggregate.
        props.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, AdaptiveHeaderInterceptor.class.getName());
        Producer<String, String> producer = new KafkaProducer<>(props);
        // end::partitioner[]
        this.producer = producer;
    }

    /**
     * Sends {@code records} ticket requests one at a time (each waits for its acknowledgement): 80 % for
     * {@link #HOT_CONCERT}, the rest spread evenly over the quiet concerts, drawn from {@code new Random(seed)}.
     *
     * @return records per partition, as acknowledged by the broker (length = the topic's partition count)
     */
    public int[] send(int records, long seed, int partitions) throws InterruptedException, ExecutionException {
        Random random = new Random(seed);
        int[] perPartition = new int[partitions];
        for (int i = 0; i < records; i++) {
            String concert = random.nextDouble() < 0.8 ? HOT_CONCERT : "CONCERT_" + random.nextInt(QUIET_CONCERTS);
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, concert, "ticket-" + i)).get();
            perPartition[sent.partition()]++;
        }
        return perPartition;
    }

    @Override
    public void close() {
        producer.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: TicketProducer BOOTSTRAP TOPIC RECORDS [SEED]");
            System.exit(2);
        }
        int records = Integer.parseInt(args[2]);
        long seed = args.length == 4 ? Long.parseLong(args[3]) : 42;
        try (TicketProducer producer = new TicketProducer(args[0], args[1])) {
            int partitions = producer.producer.partitionsFor(args[1]).size();
            System.out.println("records per partition: " + Arrays.toString(producer.send(records, seed, partitions))
                    + " (seed " + seed + ")");
        }
    }
}
