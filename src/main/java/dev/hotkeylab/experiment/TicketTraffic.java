package dev.hotkeylab.experiment;

import dev.hotkeylab.keys.KeyStrategy;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The ticket requests every producer of the project sends, the run's ({@link TicketProducer}) and the dashboard's
 * ({@code dashboard.KeyedProducer}, the {@code produce} command): request {@code seq} goes to the next user of a
 * {@link UserDraw}, the concert the caller names for {@code seq}, the key its {@link KeyStrategy} gives, a
 * {@link TicketRequest} JSON value with id {@code idPrefix-seq}, and is sent at its time on a fixed-rate schedule. What
 * the caller counts is in the {@link Callback} it gives for each record.
 *
 * @param concerts      the concert of request {@code seq}
 * @param intervalNanos time between two sends' scheduled times, 0 for as fast as possible
 */
public record TicketTraffic(String topic, String idPrefix, KeyStrategy keys, UserDraw users,
        IntFunction<String> concerts, long intervalNanos) {

    /** The acknowledgement callback of one record, asked for on the sending thread just before its send. */
    public interface Acks {
        Callback forRecord(int seq, String concertId, String key, ProducerRecord<String, byte[]> record);
    }

    /**
     * Sends requests {@code 0 .. messages - 1}, request {@code seq} not before {@code startNanos + seq * interval},
     * and returns without waiting for the acknowledgements.
     *
     * @param proceed asked before each request ({@code seq}); false stops the sending (e.g. after a failed send)
     * @return how many requests were handed to the producer
     */
    public int send(Producer<String, byte[]> producer, int messages, long startNanos, IntPredicate proceed,
            Acks acks) {
        int sent = 0;
        for (int seq = 0; seq < messages && proceed.test(seq); seq++) {
            if (intervalNanos > 0) {
                long due = startNanos + seq * intervalNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            String userId = users.next();
            String concertId = concerts.apply(seq);
            String key = keys.keyFor(concertId, userId, seq);
            TicketRequest request = new TicketRequest(idPrefix + "-" + seq, concertId, userId, seq,
                    System.currentTimeMillis());
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, request.toJson());
            sent++;
            producer.send(record, acks.forRecord(seq, concertId, key, record));
        }
        return sent;
    }
}
