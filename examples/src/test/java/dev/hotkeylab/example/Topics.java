package dev.hotkeylab.example;

import dev.hotkeylab.broker.KafkaBackend;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** A fresh topic per test, so the tests also run against a shared external broker. */
final class Topics {

    private Topics() {
    }

    static String create(KafkaBackend kafka, String prefix, int partitions)
            throws ExecutionException, InterruptedException {
        String topic = prefix + "-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }
}
