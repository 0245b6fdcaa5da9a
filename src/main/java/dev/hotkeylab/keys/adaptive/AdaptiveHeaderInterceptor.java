package dev.hotkeylab.keys.adaptive;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Lets {@link AdaptivePartitioner} mark the records it spreads with {@link AdaptiveHeaders}. A partitioner cannot add
 * headers, and an interceptor runs before the partition is chosen, so this interceptor lends the record's headers to
 * the partitioner of the same producer (found by {@code client.id} in {@link AdaptiveRegistry}); the partitioner adds
 * the headers only to records it spreads. This relies on {@code KafkaProducer.send} calling {@code onSend} and then,
 * on the same thread, partitioning the record before it makes the record's headers read-only, as it has since
 * headers exist (checked for kafka-clients 3.6.2, 3.9.1 and 4.3.1 by {@code AdaptivePartitionerClientVersionsTest};
 * a producer that did otherwise would leave records without headers and count them in
 * {@link HotKeyRouter#headersMissed()}). A second {@code partition()} call for the same record (clients before 4.0)
 * gets the first answer, so the headers name the partition the record is really on (see {@link HotKeyRouter}).
 *
 * <p>List it last in {@code interceptor.classes}: the loan is matched to the record by topic and key object, so an
 * interceptor after this one that replaces the key leaves its records without headers.
 */
public final class AdaptiveHeaderInterceptor implements ProducerInterceptor<Object, Object> {

    private final RouterLease lease;

    /** For Kafka, which instantiates interceptors by class name and then calls {@link #configure}. */
    public AdaptiveHeaderInterceptor() {
        lease = new RouterLease();
    }

    /** An interceptor lending headers to the given router (the one its partitioner uses). */
    public AdaptiveHeaderInterceptor(HotKeyRouter router) {
        lease = new RouterLease(router);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        lease.acquire(configs, id -> {
            if (id.isEmpty()) {
                throw new IllegalStateException(ProducerConfig.CLIENT_ID_CONFIG
                        + " is missing: the interceptor finds its partitioner by the client id the producer passes");
            }
            return id;
        });
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        HotKeyRouter router = lease.router();
        if (router != null) {
            router.lendHeaders(record.topic(), record.key(), record.partition() == null ? record.headers() : null);
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
        lease.release();
    }
}
