package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ConsumerCrash;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentListener;
import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.inventory.support.InventoryServers;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.Strategy;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The price of salting, paid downstream: the hot concert's consumers now reserve seats concurrently. Salted runs
 * (PARTITION_AWARE_SALT, one partition per consumer) into every store, on the real Redis and PostgreSQL.
 */
@KafkaTest
@DisplayName("Inventory under a salted consumer group: 100 seats, 2000 requests, on real Redis and PostgreSQL")
class InventoryExperimentTest {

    private static final int CAPACITY = 100;

    static ExperimentConfig config(int consumers) {
        return ExperimentConfig.builder().strategy(Strategy.PARTITION_AWARE_SALT).partitions(consumers)
                .consumers(consumers).messages(2000).serviceTimeMillis(1).build();
    }

    static Stream<Arguments> safeStoresWithThreeAndSixConsumers() {
        return Arrays.stream(StoreKind.values()).filter(StoreKind::safe)
                .flatMap(kind -> Stream.of(Arguments.of(kind, 3), Arguments.of(kind, 6)));
    }

    @ParameterizedTest(name = "{0} with {1} consumers: exactly 100 sold, 0 oversold, one outcome per request")
    @MethodSource("safeStoresWithThreeAndSixConsumers")
    void atomicStoresSellExactlyTheCapacity(StoreKind kind, int consumers, KafkaBackend kafka,
            TestReporter reporter) {
        Run run = run(kafka, kind, config(consumers), null);
        publish(reporter, run);

        assertThat(run.result.spread().activeConsumers()).isEqualTo(consumers);
        assertThat(run.summary.sold()).isEqualTo(CAPACITY);
        assertThat(run.summary.oversold()).isZero();
        assertThat(run.summary.outcomesRecorded()).isEqualTo(run.result.consumption().processed()).isEqualTo(2000);
        assertThat(run.summary.soldOut()).isEqualTo(2000 - CAPACITY);
    }

    @ParameterizedTest(name = "{0} with 6 consumers: read-check-write over-sells")
    @EnumSource(value = StoreKind.class, names = {"NAIVE_REDIS", "NAIVE_SQL"})
    void naiveStoresOverSell(StoreKind kind, KafkaBackend kafka, TestReporter reporter) {
        Run run = run(kafka, kind, config(6), null);
        publish(reporter, run);

        assertThat(run.summary.oversold()).as("seats sold beyond the capacity of " + CAPACITY).isPositive();
        assertThat(run.summary.sold()).isEqualTo(CAPACITY + run.summary.oversold());
    }

    @ParameterizedTest(name = "{0}: a consumer dies after 20 confirmed reservations, before committing; "
            + "the redelivered requests are refused as duplicates")
    @MethodSource("safeStores")
    void redeliveryIsAbsorbed(StoreKind kind, KafkaBackend kafka, TestReporter reporter) {
        // 3 consumers, member 0 dies after its 20th record: all 20 are inside its first, uncommitted batch of 50 and
        // were among the first 100 requests, so they were confirmed, and come back to whoever takes its partition.
        Run run = run(kafka, kind, config(3), new ConsumerCrash(0, 20));
        publish(reporter, run);

        assertThat(run.result.consumption().crashedConsumers()).hasSize(1);
        assertThat(run.result.consumption().redelivered()).isPositive();
        assertThat(run.summary.sold()).isEqualTo(CAPACITY);
        assertThat(run.summary.oversold()).isZero();
        assertThat(run.handler.log().count(Outcome.CONFIRMED)).as("each request sold at most once")
                .isEqualTo(CAPACITY);
        assertThat(run.summary.duplicatesRefused()).isPositive().isLessThanOrEqualTo(run.result.consumption().redelivered());
        assertThat(run.summary.outcomesRecorded()).isEqualTo(run.result.consumption().processed());
    }

    /** What the store sold, for the findings page. */
    private static void publish(TestReporter reporter, Run run) {
        Figures.of(reporter).put("capacity", CAPACITY).put("sold", run.summary.sold())
                .put("oversold", run.summary.oversold()).put("soldOut", run.summary.soldOut())
                .put("duplicatesRefused", run.summary.duplicatesRefused())
                .put("activeConsumers", run.result.spread().activeConsumers() + " of " + run.result.setup().consumers())
                .put("redelivered", run.result.consumption().redelivered());
    }

    static Stream<StoreKind> safeStores() {
        return Arrays.stream(StoreKind.values()).filter(StoreKind::safe);
    }

    private record Run(ExperimentResult result, InventorySummary summary, InventoryRequestHandler handler) {
    }

    private static Run run(KafkaBackend kafka, StoreKind kind, ExperimentConfig config, ConsumerCrash crash) {
        try (InventoryStore store = InventoryStores.open(kind, InventoryServers.config(kind, CAPACITY))) {
            InventoryRequestHandler handler = InventoryRequestHandler.prepare(store, config.key(), CAPACITY,
                    config.serviceTimeMillis());
            ExperimentResult result = new ExperimentRunner(kafka)
                    .with(o -> o.withCrash(crash)).run(config, ExperimentListener.NONE,
                    handler);
            InventorySummary summary = handler.summary();
            System.out.println(kind + ", " + config.consumers() + " consumers: " + summary.describe()
                    + "; redelivered " + result.consumption().redelivered());
            return new Run(result, summary, handler);
        }
    }
}
