package dev.hotkeylab.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One member of a share group (KIP-932) on its own thread, beside {@link GroupMember}: poll, hand each record to the
 * {@link RequestHandler}, then acknowledge it explicitly ({@code share.acknowledgement.mode=explicit}): ACCEPT after the
 * handler succeeded, RELEASE after it failed, so the broker redelivers the record (to any member) until its delivery
 * count reaches {@code share.delivery.count.limit} and the broker archives it. Acknowledgements are committed
 * ({@code commitSync}) after each batch, as the classic member commits its offsets.
 *
 * <p>An injected {@link ConsumerCrash} freezes the member after its n-th record: it stops polling and acknowledging
 * (like a process that hangs or dies before its session times out), so its acquired records come back only when their
 * acquisition lock ({@code share.record.lock.duration.ms}) expires.
 */
final class ShareMember extends Member {

    private final KafkaShareConsumer<String, byte[]> consumer;
    private final String topic;
    private final RequestHandler handler;
    private final int deliveryCountLimit;
    private final long crashAfter;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long crashedAtNanos;
    private volatile long lockMillis = -1;

    ShareMember(String clientId, Map<String, Object> config, String topic, RequestHandler handler,
            RunAccounting accounting, long crashAfter, int deliveryCountLimit) {
        super(clientId, accounting);
        this.consumer = new KafkaShareConsumer<>(config);
        this.topic = topic;
        this.handler = handler;
        this.crashAfter = crashAfter;
        this.deliveryCountLimit = deliveryCountLimit;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (!stopping) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                consumer.acquisitionLockTimeoutMs().ifPresent(ms -> lockMillis = ms);
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (!handle(record)) {
                        // Frozen: nothing of this batch is acknowledged or committed; wait to be stopped.
                        crashed = true;
                        crashedAtNanos = System.nanoTime();
                        stopped.await();
                        return;
                    }
                }
                if (!batch.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException | InterruptException e) {
            failedUnlessStopping(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failedUnlessStopping(e);
        } catch (Exception e) {
            accounting.failed(clientId(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Handles and acknowledges one record; false when the injected crash says to stop here. */
    private boolean handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        TicketRequest request = TicketRequest.fromJson(record.value());
        int deliveries = record.deliveryCount().map(Short::intValue).orElse(1);
        if (deliveries > 1) {
            accounting.redelivered(System.nanoTime());
        }
        try {
            handler.handle(request);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // The handler failed: give the record back. At the last allowed delivery the broker archives it instead.
            consumer.acknowledge(record, AcknowledgeType.RELEASE);
            accounting.shareReleased.incrementAndGet();
            if (deliveries >= deliveryCountLimit) {
                accounting.archived(request);
            }
            return true;
        }
        long now = System.nanoTime();
        if (records.get() + 1 == crashAfter) {
            // Dies with this record handled but not acknowledged.
            records.incrementAndGet();
            account(request, record, now);
            return false;
        }
        consumer.acknowledge(record, AcknowledgeType.ACCEPT);
        records.incrementAndGet();
        account(request, record, now);
        return true;
    }

    /** Accounts for one record at once (records of a share batch may be released, redelivered or archived). */
    private void account(TicketRequest request, ConsumerRecord<String, byte[]> record, long now) {
        tally.add(request, record.partition(), record.timestamp(), System.currentTimeMillis(), now);
        flush(now, 1);
    }

    @Override
    void stop() {
        stopping = true;
        stopped.countDown();
        consumer.wakeup();
    }

    /** When the injected crash froze this member ({@link System#nanoTime()}), 0 if it did not. */
    long crashedAtNanos() {
        return crashedAtNanos;
    }

    /** The acquisition lock the broker reported with the last fetch, in ms; -1 before the first. */
    long acquisitionLockMillis() {
        return lockMillis;
    }
}
