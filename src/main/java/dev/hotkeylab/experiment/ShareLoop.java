package dev.hotkeylab.experiment;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;

/**
 * The loop of one share-group member (KIP-932), the one both the experiments ({@link ShareMember}) and the dashboard's
 * live share consumer ({@code dashboard.ShareGroupConsumer}, {@code consume --group-type share}) run, beside the
 * consumer group's {@link ConsumerLoop}: subscribe, poll, hand each record to a {@link Work}, acknowledge it explicitly
 * as the work says (ACCEPT or RELEASE; {@code share.acknowledgement.mode=explicit}) and commit the batch's
 * acknowledgements ({@code commitSync}) after each poll that acknowledged something. Accepted records count once their
 * commit went through ({@link Work#committed}); those whose commit the broker refused (their acquisition lock had
 * expired, so the broker had given them to another member) count as {@link #failedAcknowledgements()} and are
 * redelivered. Run it on its own thread; {@link #stop()} from any thread ends it within one poll (100 ms) or one
 * record's work, and the records acquired but not acknowledged go back to the group when the consumer closes.
 */
public final class ShareLoop implements MemberLoop {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSING_TIMEOUT = Duration.ofSeconds(5);

    /** What the {@link Work} makes of one record. */
    public enum Outcome {
        /** Processed: acknowledged with {@link AcknowledgeType#ACCEPT}. */
        ACCEPT,
        /**
         * Failed: acknowledged with {@link AcknowledgeType#RELEASE}, so the broker redelivers it (to any member) until
         * its delivery count reaches {@code share.delivery.count.limit} and the broker archives it.
         */
        RELEASE,
        /**
         * An injected crash: the member freezes here, like a process that hangs or dies before its session times out.
         * Nothing more is acknowledged or committed (not even this batch's earlier records) and nothing polled; the
         * loop waits for {@link #stop()}, so the acquired records come back only when their acquisition lock
         * ({@code share.record.lock.duration.ms}) expires.
         */
        FREEZE
    }

    /**
     * What a {@link ShareLoop} does with its records; every method is called on the loop's thread. It is told its
     * {@link #progress()} after every poll (idle ones too), once the poll's acknowledgements are committed, and after
     * the close.
     */
    public interface Work extends MemberLoop.Events {

        /**
         * Handles one record.
         *
         * @return how the record is acknowledged, or {@link Outcome#FREEZE} to freeze the member
         * @throws Exception ends the loop, reported to {@link #failed(Exception)}
         */
        Outcome handle(ConsumerRecord<String, byte[]> record) throws Exception;

        /** After a commit: {@code records} accepted from {@code partition} that the broker took. */
        default void committed(int partition, long records) {
        }
    }

    private final KafkaShareConsumer<String, byte[]> consumer;
    private final String topic;
    private final String clientId;
    private final Work work;
    private final AtomicLong failedAcknowledgements = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile long lockMillis = -1;

    /**
     * @param config a share consumer's configuration, e.g. from {@link #config}: String keys, byte[] values, a group
     *               id, a client id and {@code share.acknowledgement.mode=explicit}
     */
    public ShareLoop(Map<String, Object> config, String topic, Work work) {
        this.consumer = new KafkaShareConsumer<>(config);
        this.topic = topic;
        this.clientId = String.valueOf(config.get(ConsumerConfig.CLIENT_ID_CONFIG));
        this.work = work;
    }

    /**
     * {@code clientConfig} (bootstrap servers and any client settings) plus what the loop needs: group and client id,
     * String keys and byte[] values, {@code share.acknowledgement.mode=explicit} and {@code max.poll.records}. The
     * group's own configs ({@code share.auto.offset.reset}, {@code share.delivery.count.limit}) are set through Admin:
     * {@link dev.hotkeylab.broker.ShareGroups#configure}.
     */
    public static Map<String, Object> config(Map<String, Object> clientConfig, String group, String clientId,
            int maxPollRecords) {
        Map<String, Object> config = MemberLoops.config(clientConfig, group, clientId, maxPollRecords);
        // share.acknowledgement.mode (default implicit, where the next poll accepts the whole batch): explicit, so a
        // record is accepted only once handled, and released when its handling failed.
        config.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        return config;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (!stopping) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                consumer.acquisitionLockTimeoutMs().ifPresent(ms -> lockMillis = ms);
                Map<Integer, Long> accepted = new HashMap<>();
                boolean acknowledged = false;
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (stopping) {
                        break;
                    }
                    Outcome outcome = work.handle(record);
                    if (outcome == Outcome.FREEZE) {
                        stopped.await();
                        return;
                    }
                    consumer.acknowledge(record, outcome == Outcome.ACCEPT ? AcknowledgeType.ACCEPT
                            : AcknowledgeType.RELEASE);
                    acknowledged = true;
                    if (outcome == Outcome.ACCEPT) {
                        accepted.merge(record.partition(), 1L, Long::sum);
                    }
                }
                if (acknowledged) {
                    commit(accepted);
                }
                // After every poll, idle ones too: a terminal's last line then shows the final count (a line printed
                // mid-burst, e.g. "17 processed" of 100, once looked like a stalled member).
                work.progress();
            }
        } catch (Exception e) {
            MemberLoops.ended(e, stopping, work);
        } finally {
            consumer.close(CLOSING_TIMEOUT);
            work.progress();
        }
    }

    /**
     * Commits the batch's acknowledgements. A partition whose commit failed does not count: its accepted records are
     * redelivered.
     */
    private void commit(Map<Integer, Long> accepted) {
        Map<TopicIdPartition, Optional<KafkaException>> result = consumer.commitSync();
        for (Map.Entry<TopicIdPartition, Optional<KafkaException>> e : result.entrySet()) {
            Long n = accepted.remove(e.getKey().partition());
            if (n == null) {
                continue;
            }
            if (e.getValue().isPresent()) {
                failedAcknowledgements.addAndGet(n);
            } else {
                work.committed(e.getKey().partition(), n);
            }
        }
        // Acknowledgements the commit did not answer for (already sent with the poll) were taken by the broker.
        accepted.forEach(work::committed);
    }

    /**
     * Asks the loop to leave: returns at once; the thread closes the consumer and ends (a frozen loop too). What it
     * acquired and did not acknowledge is released when the consumer closes.
     */
    @Override
    public void stop() {
        stopping = true;
        stopped.countDown();
        consumer.wakeup();
    }

    @Override
    public String clientId() {
        return clientId;
    }

    /** Accepted records whose commit the broker refused (their lock had expired); they are redelivered. */
    public long failedAcknowledgements() {
        return failedAcknowledgements.get();
    }

    /** The acquisition lock the broker reported with the last fetch, in ms; -1 before the first. */
    public long acquisitionLockMillis() {
        return lockMillis;
    }
}
