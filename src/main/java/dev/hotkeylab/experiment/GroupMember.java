package dev.hotkeylab.experiment;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One consumer of the group on its own thread: poll, hand each record to the {@link RequestHandler}, account for the
 * batch, commit as the {@link CommitPolicy} says (at-least-once, as a booking service would: only handled records'
 * offsets, and synchronously when partitions are revoked or the member closes).
 */
final class GroupMember extends Member {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final RequestHandler handler;
    private final long crashAfter;
    private final CommitPolicy commits;
    private volatile boolean subscribed;

    GroupMember(String clientId, Map<String, Object> config, String topic, RequestHandler handler,
            RunAccounting accounting, long crashAfter, CommitPolicy commits) {
        super(clientId, accounting);
        this.commits = commits;
        this.crashAfter = crashAfter;
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
        this.handler = handler;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Called inside poll(), after the previous batch was handled: its offsets go to the next owner.
                    // Not when closing after stop() (the run is over) or a crash (its records must come back).
                    if (!crashed && !stopping && !partitions.isEmpty()) {
                        consumer.commitSync(Duration.ofSeconds(5));
                    }
                    partitions.forEach(tp -> assignment.remove(tp.partition()));
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(tp -> assignment.add(tp.partition()));
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    partitions.forEach(tp -> assignment.remove(tp.partition())); // gone already: nothing to commit
                }
            });
            subscribed = true;
            long uncommitted = 0;
            long lastCommitNanos = System.nanoTime();
            while (!stopping) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                long handled = records.get();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    TicketRequest request = TicketRequest.fromJson(record.value());
                    handler.handle(request);
                    tally.add(request, record.partition(), record.timestamp(), System.currentTimeMillis());
                    records.lazySet(++handled);
                    if (handled == crashAfter) {
                        // Dies here: the offsets since the last commit are never committed.
                        crashed = true;
                        flush(System.nanoTime(), tally.size());
                        return;
                    }
                }
                if (batch.isEmpty()) {
                    continue;
                }
                long now = System.nanoTime();
                int n = tally.size();
                flush(now, n);
                uncommitted += n;
                if (commits.due(uncommitted, now - lastCommitNanos)) {
                    if (commits.sync()) {
                        consumer.commitSync();
                    } else {
                        consumer.commitAsync();
                    }
                    uncommitted = 0;
                    lastCommitNanos = now;
                }
            }
            if (uncommitted > 0) {
                consumer.commitSync(Duration.ofSeconds(5));
            }
        } catch (WakeupException e) {
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

    @Override
    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    boolean subscribed() {
        return subscribed;
    }
}
