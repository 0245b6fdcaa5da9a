package dev.hotkeylab.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One member of a share group (KIP-932), beside {@link GroupConsumer}: polls, spends the service time on each record,
 * acknowledges it (ACCEPT) and commits the acknowledgements after each batch ({@code commitSync}), so the share
 * partition's start offset and share lag, which the dashboard reads, follow the work closely. Acknowledgement is
 * explicit ({@code share.acknowledgement.mode=explicit}): a record counts as processed only after its service time.
 * A share group has no assignment the client can read; {@link #assignment()} gives the partitions this member has
 * received records from. Run it on its own thread; {@link #close()} from any thread stops it, and the records it
 * acquired but did not acknowledge go back to the group when the consumer closes.
 *
 * <p>The group should read from the earliest record ({@code share.auto.offset.reset=earliest}, a group config set
 * through Admin: {@link dev.hotkeylab.broker.ShareGroups#configure}); its default {@code latest} skips what was
 * produced before the first member joined.
 */
public final class ShareGroupConsumer extends LiveConsumer {

    private final KafkaShareConsumer<String, String> consumer;
    private final String topic;
    private final String clientId;
    private final AtomicLong failedAcknowledgements = new AtomicLong();

    /**
     * @param serviceTime time spent per record before it is acknowledged
     * @param onProgress  called (on the consumer thread) after each poll, once its acknowledgements are committed
     */
    public ShareGroupConsumer(Map<String, Object> clientConfig, String topic, String group, String clientId,
                              Duration serviceTime, Runnable onProgress) {
        super(serviceTime, onProgress);
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // share.acknowledgement.mode (default implicit, where the next poll accepts the whole batch): explicit, so a
        // record is accepted only once served.
        config.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        // max.poll.records (default 500): small batches keep the acknowledgements close to the work, as in the
        // consumer group's member.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, GroupConsumer.MAX_POLL_RECORDS);
        this.consumer = new KafkaShareConsumer<>(config);
        this.topic = topic;
        this.clientId = clientId;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (!closed()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                Map<Integer, Long> batch = new HashMap<>();
                for (ConsumerRecord<String, String> r : records) {
                    if (closed()) {
                        break;
                    }
                    serve();
                    consumer.acknowledge(r, AcknowledgeType.ACCEPT);
                    batch.merge(r.partition(), 1L, Long::sum);
                }
                if (!batch.isEmpty()) {
                    commit(batch);
                }
                // After every poll, idle ones too: a terminal's last line then shows the final count (a line printed
                // mid-burst, e.g. "17 processed" of 100, once looked like a stalled member).
                progress();
            }
        } catch (WakeupException | InterruptException e) {
            if (!closed()) {
                failed(e);
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            progress();
        }
    }

    /**
     * Commits the batch's acknowledgements. A partition whose commit failed (e.g. the records' acquisition lock had
     * expired, so the broker had given them to another member) does not count: those records are redelivered.
     */
    private void commit(Map<Integer, Long> batch) {
        Map<TopicIdPartition, Optional<KafkaException>> result = consumer.commitSync();
        for (Map.Entry<TopicIdPartition, Optional<KafkaException>> e : result.entrySet()) {
            Long n = batch.remove(e.getKey().partition());
            if (n == null) {
                continue;
            }
            if (e.getValue().isPresent()) {
                failedAcknowledgements.addAndGet(n);
            } else {
                counted(e.getKey().partition(), n);
            }
        }
        // Acknowledgements the commit did not answer for (already sent with the poll) were taken by the broker.
        batch.forEach(this::counted);
    }

    @Override
    public String clientId() {
        return clientId;
    }

    /** Partitions this member received records from (a share group assigns a partition to several members). */
    @Override
    public Set<Integer> assignment() {
        return countedPartitions();
    }

    /** Acknowledged records whose commit the broker refused (their lock had expired); they are redelivered. */
    public long failedAcknowledgements() {
        return failedAcknowledgements.get();
    }

    /** Stops the loop; what it acquired and did not acknowledge is released when the consumer closes. */
    @Override
    void stop() {
        consumer.wakeup();
    }
}
