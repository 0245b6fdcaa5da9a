package dev.hotkeylab.experiment;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the two {@link MemberLoop}s do alike: the client settings every member starts from, and how a loop ends. */
final class MemberLoops {

    private MemberLoops() {
    }

    /**
     * {@code clientConfig} (bootstrap servers and any client settings) plus what every member is configured with: its
     * group and client id, String keys and ticket request bytes as values, and at most {@code maxPollRecords} records
     * per poll ({@code max.poll.records}, default 500: small batches keep commits close to the work).
     */
    static Map<String, Object> config(Map<String, Object> clientConfig, String group, String clientId,
            int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        return config;
    }

    /**
     * Tells {@code events} the error that ended a loop, unless it only came from the loop's stop (its wakeup, or an
     * interrupt while stopping). An {@link InterruptedException} sets the thread's interrupt flag again.
     */
    static void ended(Exception e, boolean stopping, MemberLoop.Events events) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        boolean fromStop = e instanceof WakeupException || e instanceof InterruptException
                || e instanceof InterruptedException;
        if (!stopping || !fromStop) {
            events.failed(e);
        }
    }
}
