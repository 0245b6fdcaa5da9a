package dev.hotkeylab.experiment;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One member of a share group (KIP-932) on its own thread, beside {@link GroupMember}: the {@link ShareLoop} (explicit
 * acknowledgements, committed with {@code commitSync} after each batch, as the classic member commits its offsets)
 * hands each record to the {@link RequestHandler}; the record is accepted after the handler succeeded and released
 * after it failed, so the broker redelivers it (to any member) until its delivery count reaches
 * {@code share.delivery.count.limit} and the broker archives it. This member accounts for each record at once.
 *
 * <p>An injected {@link ConsumerCrash} freezes the member after its n-th record ({@link ShareLoop.Outcome#FREEZE}): it
 * stops polling and acknowledging, so its acquired records come back only when their acquisition lock expires.
 */
final class ShareMember extends Member implements ShareLoop.Work {

    private final ShareLoop loop;
    private final int deliveryCountLimit;
    private volatile long crashedAtNanos;

    /** @param config a share consumer configuration as {@link ShareLoop#config} makes it */
    ShareMember(String clientId, Map<String, Object> config, String topic, RequestHandler handler,
            RunAccounting accounting, long crashAfter, int deliveryCountLimit) {
        super(clientId, accounting, handler, crashAfter);
        this.deliveryCountLimit = deliveryCountLimit;
        this.loop = new ShareLoop(config, topic, this);
    }

    @Override
    MemberLoop loop() {
        return loop;
    }

    @Override
    public ShareLoop.Outcome handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
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
            accounting.shareReleased.incrementAndGet();
            if (deliveries >= deliveryCountLimit) {
                accounting.archived(request);
            }
            return ShareLoop.Outcome.RELEASE;
        }
        records.incrementAndGet();
        account(request, record, System.nanoTime());
        if (records.get() == crashAfter) {
            // Dies with this record handled but not acknowledged; nothing of this batch is committed.
            crashed = true;
            crashedAtNanos = System.nanoTime();
            return ShareLoop.Outcome.FREEZE;
        }
        return ShareLoop.Outcome.ACCEPT;
    }

    /** Accounts for one record at once (records of a share batch may be released, redelivered or archived). */
    private void account(TicketRequest request, ConsumerRecord<String, byte[]> record, long now) {
        tally.add(request, record.partition(), record.timestamp(), System.currentTimeMillis(), now);
        flush(now, 1);
    }

    /** When the injected crash froze this member ({@link System#nanoTime()}), 0 if it did not. */
    long crashedAtNanos() {
        return crashedAtNanos;
    }

    /** The acquisition lock the broker reported with the last fetch, in ms; -1 before the first. */
    long acquisitionLockMillis() {
        return loop.acquisitionLockMillis();
    }
}
