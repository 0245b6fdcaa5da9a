package dev.hotkeylab.experiment;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One consumer of the group on its own thread: the {@link ConsumerLoop} (which commits as the {@link CommitPolicy}
 * says, only handled records' offsets) hands each record to the {@link RequestHandler}; this member accounts for the
 * batch and dies after its n-th record when a {@link ConsumerCrash} says so.
 */
final class GroupMember extends Member implements ConsumerLoop.Work {

    private final ConsumerLoop loop;

    /** @param config a consumer configuration as {@link ConsumerLoop#config} makes it */
    GroupMember(String clientId, Map<String, Object> config, String topic, RequestHandler handler,
            RunAccounting accounting, long crashAfter, CommitPolicy commits) {
        super(clientId, accounting, handler, crashAfter);
        this.loop = new ConsumerLoop(config, topic, commits, this);
    }

    @Override
    MemberLoop loop() {
        return loop;
    }

    @Override
    public boolean handle(ConsumerRecord<String, byte[]> record) throws Exception {
        TicketRequest request = TicketRequest.fromJson(record.value());
        handler.handle(request);
        tally.add(request, record.partition(), record.timestamp(), System.currentTimeMillis(), System.nanoTime());
        long handled = records.get() + 1;
        records.lazySet(handled); // this thread is the only writer
        if (handled == crashAfter) {
            // Dies here: the offsets since the last commit are never committed.
            crashed = true;
            flush(System.nanoTime(), tally.size());
            return false;
        }
        return true;
    }

    @Override
    public void handled(int n) {
        flush(System.nanoTime(), n);
    }
}
