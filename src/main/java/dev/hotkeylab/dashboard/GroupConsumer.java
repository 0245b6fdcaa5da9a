package dev.hotkeylab.dashboard;

import dev.hotkeylab.experiment.CommitPolicy;
import dev.hotkeylab.experiment.ConsumerLoop;
import dev.hotkeylab.experiment.MemberLoop;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One member of a consumer group: polls, spends the service time on each record (the simulated work of selling a
 * ticket), and commits after each batch so the group's committed offsets, which the dashboard reads, follow the work
 * closely. Each commit carries the client id as its metadata. The loop is the experiments' own {@link ConsumerLoop}
 * ({@link CommitPolicy#SMALL_BATCHES}); this class does the work and keeps the figures the {@code consume} command
 * prints. Run it on its own thread; {@link #close()} from any thread stops it.
 */
public final class GroupConsumer extends LiveConsumer {

    /** Small batches keep commits (and so the dashboard) close to the work when each record takes a while. */
    public static final int MAX_POLL_RECORDS = CommitPolicy.SMALL_BATCHES.maxPollRecords();

    private final ConsumerLoop loop;
    private volatile Set<Integer> assignment = Set.of();

    /**
     * @param serviceTime time spent per record before its offset is committed
     * @param onProgress  called (on the consumer thread) after each commit and each rebalance
     */
    public GroupConsumer(Map<String, Object> clientConfig, String topic, String group, String clientId,
                         Duration serviceTime, Runnable onProgress) {
        super(serviceTime, onProgress);
        this.loop = new ConsumerLoop(ConsumerLoop.config(clientConfig, group, clientId, MAX_POLL_RECORDS), topic,
                CommitPolicy.SMALL_BATCHES, new Work());
    }

    @Override
    MemberLoop loop() {
        return loop;
    }

    /** What the loop does with each record: the service time, then the counts. */
    private final class Work extends LoopEvents implements ConsumerLoop.Work {

        @Override
        public boolean handle(ConsumerRecord<String, byte[]> record) {
            serve();
            counted(record.partition(), 1);
            return true;
        }

        @Override
        public void assigned(Set<Integer> partitions) {
            assignment = partitions;
        }
    }

    /** Partitions owned now. */
    @Override
    public Set<Integer> assignment() {
        return assignment;
    }

    /** True once the group coordinator has assigned this member at least once. */
    public boolean assignedOnce() {
        return loop.assignedOnce();
    }
}
