package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotkeylab.experiment.BrokerTraffic;
import dev.hotkeylab.experiment.ExperimentResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code results.json} is a documented format (read by the dashboard page, {@code report} and later versions): a file
 * written by an earlier version must read back into the same results and write back field for field, in the same
 * order. The fixture is a real run's file ({@code hotkey-lab run --no-serve --messages 400 --strategies
 * FIXED_KEY,ADAPTIVE --group-type classic,share --quiet-concerts 2}, embedded Kafka 4.3.1), written before
 * {@link ExperimentResult} was split into nested records; fields added later ({@code brokerTraffic}) are written after
 * the earlier ones with their "absent" value.
 */
class ResultsJsonFormatTest {

    private static final String FIXTURE = "results-before-nesting.json";

    @TempDir
    Path tmp;

    @Test
    @DisplayName("every experiment of an earlier results.json writes back identical: the same fields, in the same order")
    void experimentsWriteBackIdentical() throws Exception {
        JsonNode file = fixture();
        assertThat(file.get("experiments")).hasSize(4);
        for (JsonNode written : file.get("experiments")) {
            String text = ReportWriter.JSON.writeValueAsString(
                    ReportWriter.JSON.treeToValue(written, ExperimentResult.class));
            ObjectNode again = (ObjectNode) ReportWriter.JSON.readTree(text);
            // Fields added since the fixture was written come out last, at their "absent" value, and nothing else.
            JsonNode brokerTraffic = again.remove("brokerTraffic");
            assertThat(brokerTraffic).isEqualTo(ReportWriter.JSON.readTree(ReportWriter.JSON.writeValueAsString(BrokerTraffic.NONE)));
            // Equal trees: every field and value, at every depth (the entries of a map in any order: maps such as
            // perConsumer are written in Map.copyOf's order, which differs from one JVM to the next).
            assertThat(again).isEqualTo(written);
            // The fields of every record in the order of the file (records, unlike maps, keep their order).
            assertThat(recordFieldOrder(again)).isEqualTo(recordFieldOrder(written));
        }
    }

    /** Field names in order of the experiment and of each record inside it (latency, adaptive, share). */
    private static List<String> recordFieldOrder(JsonNode experiment) {
        List<String> names = new ArrayList<>();
        experiment.fieldNames().forEachRemaining(names::add);
        for (String record : List.of("latency", "adaptive", "share")) {
            experiment.get(record).fieldNames().forEachRemaining(name -> names.add(record + "." + name));
        }
        return names;
    }

    @Test
    @DisplayName("an earlier results.json reads back equal through the report folder, and again after writing it")
    void readsBackEqual() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("report"));
        try (InputStream in = fixtureStream()) {
            Files.copy(in, folder.resolve(ReportSections.RESULTS_JSON));
        }
        List<ExperimentResult> read = ReportSections.read(folder).orElseThrow().experiments();
        List<ExperimentResult> again = new ArrayList<>();
        for (ExperimentResult r : read) {
            again.add(ReportWriter.JSON.readValue(ReportWriter.JSON.writeValueAsBytes(r), ExperimentResult.class));
        }
        assertThat(again).isEqualTo(read);

        // The values land where the file put them.
        JsonNode adaptiveShare = fixture().get("experiments").get(3);
        ExperimentResult r = read.get(3);
        assertThat(r.setup().strategy()).isEqualTo("ADAPTIVE").isEqualTo(adaptiveShare.get("strategy").asText());
        assertThat(r.distribution().perPartition()).containsExactly(87L, 85L, 228L);
        assertThat(r.groupType()).isEqualTo("share");
        assertThat(r.ordering().orderingViolationsPerConcert()).isEqualTo(adaptiveShare.get("orderingViolationsPerConcert").asLong());
        assertThat(r.leaderLoad().leaderRecordsByBroker()).containsEntry(0, 400L);
        assertThat(r.adaptive().used()).isTrue();
        assertThat(r.perConcert()).hasSize(3);
        assertThat(read.get(0).spread().idlePartitions()).containsExactly(0, 1);
        assertThat(read.get(0).timing().latency().count()).isEqualTo(400);
    }

    private static JsonNode fixture() throws Exception {
        try (InputStream in = fixtureStream()) {
            return ReportWriter.JSON.readTree(in);
        }
    }

    private static InputStream fixtureStream() {
        InputStream in = ResultsJsonFormatTest.class.getResourceAsStream(FIXTURE);
        assertThat(in).as(FIXTURE + " on the test classpath").isNotNull();
        return in;
    }
}
