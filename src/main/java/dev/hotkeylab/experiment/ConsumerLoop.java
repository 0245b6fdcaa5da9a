package dev.hotkeylab.experiment;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The loop of one consumer-group member, the one both the experiments ({@link GroupMember}) and the dashboard's live
 * consumer ({@code dashboard.GroupConsumer}, the {@code consume} command) run: subscribe, poll, hand each record to a
 * {@link Work}, and commit as the {@link CommitPolicy} says. At-least-once, as a booking service would: only handled
 * records' offsets are committed, each with the client id as its metadata (so a watcher can credit work it did not
 * see assigned), and synchronously when partitions are revoked (their offsets go to the next owner). Run it on its
 * own thread; {@link #stop()} from any thread ends it within one poll (100 ms) or one record's work.
 */
public final class ConsumerLoop implements MemberLoop {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSING_TIMEOUT = Duration.ofSeconds(5);

    /**
     * What a {@link ConsumerLoop} does with its records; every method is called on the loop's thread. It is told its
     * {@link #progress()} after each commit, each rebalance and the close.
     */
    public interface Work extends MemberLoop.Events {

        /**
         * Handles one record.
         *
         * @return false to leave at once without committing anything more (an injected crash: the records since the
         *         last commit come back to the group)
         * @throws Exception ends the loop, reported to {@link #failed(Exception)}
         */
        boolean handle(ConsumerRecord<String, byte[]> record) throws Exception;

        /** After the {@code records} handled from one poll, before their commit is considered. */
        default void handled(int records) {
        }

        /** The partitions owned now (a new set after each rebalance, empty after the close). */
        default void assigned(Set<Integer> partitions) {
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final String clientId;
    private final CommitPolicy commits;
    private final Work work;
    /** The next offset of each owned partition after its last handled record, committed or not. */
    private final Map<TopicPartition, OffsetAndMetadata> handledUpTo = new HashMap<>();
    private long uncommitted;
    private volatile boolean stopping;
    private volatile boolean crashed;
    private volatile boolean assignedOnce;

    /**
     * @param config a consumer's configuration, e.g. from {@link #config}: String keys, byte[] values, a group id, a
     *               client id (the commits' metadata) and {@code enable.auto.commit=false}
     */
    public ConsumerLoop(Map<String, Object> config, String topic, CommitPolicy commits, Work work) {
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
        this.clientId = String.valueOf(config.get(ConsumerConfig.CLIENT_ID_CONFIG));
        this.commits = commits;
        this.work = work;
    }

    /**
     * {@code clientConfig} (bootstrap servers and any client settings) plus what the loop needs: group and client id,
     * String keys and byte[] values, {@code enable.auto.commit=false} (offsets are committed after the work, default
     * true), {@code auto.offset.reset=earliest} (default latest: a record sent while the group joins is not skipped)
     * and {@code max.poll.records}.
     */
    public static Map<String, Object> config(Map<String, Object> clientConfig, String group, String clientId,
            int maxPollRecords) {
        Map<String, Object> config = MemberLoops.config(clientConfig, group, clientId, maxPollRecords);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalances());
            long lastCommitNanos = System.nanoTime();
            while (!stopping) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                int handled = 0;
                for (TopicPartition tp : batch.partitions()) {
                    long next = -1;
                    for (ConsumerRecord<String, byte[]> record : batch.records(tp)) {
                        if (stopping) {
                            break;
                        }
                        if (!work.handle(record)) {
                            crashed = true;
                            return;
                        }
                        handled++;
                        next = record.offset() + 1;
                    }
                    if (next >= 0) {
                        handledUpTo.put(tp, new OffsetAndMetadata(next, clientId));
                    }
                }
                if (handled == 0) {
                    continue;
                }
                work.handled(handled);
                uncommitted += handled;
                long now = System.nanoTime();
                if (commits.due(uncommitted, now - lastCommitNanos)) {
                    commit(commits.sync(), null);
                    lastCommitNanos = now;
                    work.progress();
                }
            }
            if (uncommitted > 0) {
                commit(true, CLOSING_TIMEOUT);
                work.progress();
            }
        } catch (Exception e) {
            MemberLoops.ended(e, stopping, work);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSING_TIMEOUT));
            work.assigned(Set.of());
            work.progress();
        }
    }

    private void commit(boolean sync, Duration timeout) {
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(handledUpTo);
        uncommitted = 0;
        if (!sync) {
            consumer.commitAsync(offsets, null);
        } else if (timeout == null) {
            consumer.commitSync(offsets);
        } else {
            consumer.commitSync(offsets, timeout);
        }
    }

    /**
     * Asks the loop to leave: returns at once; the thread closes the consumer and ends. What was handled since the
     * last commit is committed unless the stop's wakeup cuts that commit short (then it comes back to the group).
     */
    @Override
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** True once the group coordinator has assigned this member (perhaps no partition) at least once. */
    public boolean assignedOnce() {
        return assignedOnce;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    /** Keeps {@link Work#assigned} told of the partitions owned, and hands a revoked partition's offsets on. */
    private final class Rebalances implements ConsumerRebalanceListener {

        private Set<Integer> owned = Set.of();

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Called inside poll(), after the previous batch was handled: its offsets go to the next owner.
            // Synchronous even when all was committed (asynchronously, perhaps not yet). Not when closing after
            // stop() (committed before the close) or a crash (its records must come back).
            if (!crashed && !stopping && !handledUpTo.isEmpty()) {
                commit(true, CLOSING_TIMEOUT);
            }
            drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Set<Integer> now = new TreeSet<>(owned);
            partitions.forEach(tp -> now.add(tp.partition()));
            owned = Set.copyOf(now);
            assignedOnce = true;
            work.assigned(owned);
            work.progress();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions); // gone already: nothing to commit
        }

        private void drop(Collection<TopicPartition> partitions) {
            partitions.forEach(handledUpTo::remove);
            Set<Integer> now = new TreeSet<>(owned);
            partitions.forEach(tp -> now.remove(tp.partition()));
            owned = Set.copyOf(now);
            work.assigned(owned);
            work.progress();
        }
    }
}
