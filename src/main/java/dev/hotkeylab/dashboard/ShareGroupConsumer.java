package dev.hotkeylab.dashboard;

import dev.hotkeylab.experiment.MemberLoop;
import dev.hotkeylab.experiment.ShareLoop;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One member of a share group (KIP-932), beside {@link GroupConsumer}: polls, spends the service time on each record,
 * acknowledges it (ACCEPT) and commits the acknowledgements after each batch ({@code commitSync}), so the share
 * partition's start offset and share lag, which the dashboard reads, follow the work closely. Acknowledgement is
 * explicit ({@code share.acknowledgement.mode=explicit}): a record counts as processed only after its service time
 * and once its commit went through. The loop is the experiments' own {@link ShareLoop}; this class does the work and
 * keeps the figures the {@code consume} command prints. A share group has no assignment the client can read;
 * {@link #assignment()} gives the partitions this member has received records from. Run it on its own thread;
 * {@link #close()} from any thread stops it, and the records it acquired but did not acknowledge go back to the group
 * when the consumer closes.
 *
 * <p>The group should read from the earliest record ({@code share.auto.offset.reset=earliest}, a group config set
 * through Admin: {@link dev.hotkeylab.broker.ShareGroups#configure}); its default {@code latest} skips what was
 * produced before the first member joined.
 */
public final class ShareGroupConsumer extends LiveConsumer {

    private final ShareLoop loop;

    /**
     * @param serviceTime time spent per record before it is acknowledged
     * @param onProgress  called (on the consumer thread) after each poll, once its acknowledgements are committed
     */
    public ShareGroupConsumer(Map<String, Object> clientConfig, String topic, String group, String clientId,
                              Duration serviceTime, Runnable onProgress) {
        super(serviceTime, onProgress);
        // max.poll.records as the consumer group's member: small batches keep acknowledgements close to the work.
        this.loop = new ShareLoop(ShareLoop.config(clientConfig, group, clientId, GroupConsumer.MAX_POLL_RECORDS),
                topic, new Work());
    }

    @Override
    MemberLoop loop() {
        return loop;
    }

    /** What the loop does with each record: the service time, then the counts once committed. */
    private final class Work extends LoopEvents implements ShareLoop.Work {

        @Override
        public ShareLoop.Outcome handle(ConsumerRecord<String, byte[]> record) {
            serve();
            return ShareLoop.Outcome.ACCEPT;
        }

        @Override
        public void committed(int partition, long records) {
            counted(partition, records);
        }
    }

    /** Partitions this member received records from (a share group assigns a partition to several members). */
    @Override
    public Set<Integer> assignment() {
        return countedPartitions();
    }

    /** Acknowledged records whose commit the broker refused (their lock had expired); they are redelivered. */
    public long failedAcknowledgements() {
        return loop.failedAcknowledgements();
    }
}
