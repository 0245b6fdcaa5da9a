package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a share group (KIP-932) does with a member that stops and with a record that always fails: the broker, not the
 * member, brings records back (when an acquisition lock expires, or after a RELEASE) and gives up on a record after
 * {@code share.delivery.count.limit} deliveries. Three members share the one partition of the hot key.
 */
@DisplayName("Share group faults: a frozen member and poison records, on 1 and 3 brokers")
class ShareGroupFaultTest {

    static final long LOCK_MILLIS = 3000;
    static final long DEFAULT_LOCK_MILLIS = 30_000;

    private static ExperimentConfig.Builder onePartition() {
        return ExperimentConfig.builder().strategy(Strategy.FIXED_KEY).partitions(1).messages(1000).consumers(3)
                .serviceTimeMillis(2);
    }

    static void frozenMembersRecordsComeBackAfterTheLock(KafkaBackend kafka) {
        ExperimentResult r = new ExperimentRunner(kafka)
                .with(o -> o.withGroupType(GroupType.SHARE).withCrash(new ConsumerCrash(0, 10)))
                .run(onePartition().build());
        System.out.printf("%d broker(s): frozen %s; processed %d, redelivered %d, share %s%n", kafka.brokers(),
                r.consumption().crashedConsumers(), r.consumption().processed(), r.consumption().redelivered(), r.share());

        assertThat(r.consumption().crashedConsumers()).hasSize(1);
        assertThat(r.consumption().processed() - r.consumption().redelivered()).as("distinct requests processed").isEqualTo(1000);
        assertThat(r.share().redeliveries()).as("records delivered again").isPositive();
        assertThat(r.share().archived()).isZero();
        assertThat(r.share().acquisitionLockMillis()).isEqualTo(LOCK_MILLIS);
        // Measured from the freeze to the first redelivered record: the lock acquired before the freeze, so at most
        // the lock; far below the 30 s the default lock would have held them.
        assertThat(r.share().crashToRedeliveryMillis()).isBetween(0L, DEFAULT_LOCK_MILLIS);
    }

    static void poisonRecordsAreArchived(KafkaBackend kafka) {
        Set<Long> poison = Set.of(100L, 200L, 300L);
        Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        RequestHandler service = RequestHandler.serviceTime(2);
        RequestHandler handler = request -> {
            if (poison.contains(request.sequence())) {
                deliveries.computeIfAbsent(request.sequence(), s -> new AtomicInteger()).incrementAndGet();
                throw new IllegalStateException("poison request " + request.sequence());
            }
            service.handle(request);
        };
        ExperimentConfig config = onePartition().build();
        ExperimentResult r = new ExperimentRunner(kafka)
                .with(o -> o.withGroupType(GroupType.SHARE).withShareDeliveryCountLimit(3))
                .run(config, ExperimentListener.NONE, handler);
        System.out.printf("%d broker(s): poison deliveries %s; processed %d, share %s%n", kafka.brokers(), deliveries,
                r.consumption().processed(), r.share());

        assertThat(r.share().archived()).isEqualTo(3);
        assertThat(r.share().released()).isEqualTo(9);
        assertThat(deliveries).containsOnlyKeys(poison)
                .allSatisfy((seq, count) -> assertThat(count.get()).as("deliveries of " + seq).isEqualTo(3));
        assertThat(r.consumption().processed() - r.consumption().redelivered()).as("distinct requests processed").isEqualTo(997);
    }

    static final String FROZEN = "A member stops after 10 records without acknowledging: its acquired records come back "
            + "when their 3 s lock expires, and none is lost";
    static final String POISON = "Three poison records fail every delivery: after 3 deliveries "
            + "(share.delivery.count.limit) the broker archives each, and the run reports them instead of hanging";

    @Nested
    @KafkaTest(backend = "embedded", brokerProperties = {
            // group.share.min.record.lock.duration.ms (default 15000): the floor of the lock below; lowered so a test
            // can wait seconds rather than half a minute.
            "group.share.min.record.lock.duration.ms=1000",
            // group.share.record.lock.duration.ms (default 30000): how long a member holds an acquired record before
            // the broker makes it available again.
            "group.share.record.lock.duration.ms=3000"})
    @DisplayName("1 broker")
    class OneBroker extends Cases {
    }

    @Nested
    @KafkaTest(backend = "embedded", brokers = 3, brokerProperties = {
            // as above: group.share.min.record.lock.duration.ms (default 15000) and
            // group.share.record.lock.duration.ms (default 30000), lowered to a 3 s lock.
            "group.share.min.record.lock.duration.ms=1000",
            "group.share.record.lock.duration.ms=3000"})
    @DisplayName("3 brokers")
    class ThreeBrokers extends Cases {
    }

    /** Both cases, run by each broker count's nested class on the cluster its {@code @KafkaTest} starts. */
    abstract static class Cases {
        @Test
        @DisplayName(FROZEN)
        void frozenMember(KafkaBackend kafka) {
            frozenMembersRecordsComeBackAfterTheLock(kafka);
        }

        @Test
        @DisplayName(POISON)
        void poisonRecords(KafkaBackend kafka) {
            poisonRecordsAreArchived(kafka);
        }
    }
}
