package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("--group-type classic|share")
class GroupTypeCommandTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} --group-type queue: one line, exit 2")
    @ValueSource(strings = {"run", "bench", "soak"})
    void unknownGroupType(String command) {
        Path out = tmp.resolve("report");
        String[] args = Stream.of(command, "--group-type", "queue").toArray(String[]::new);
        if (command.equals("run")) {
            args = new String[] {"run", "--no-serve", "--out", out.toString(), "--group-type", "queue"};
        }
        String[] all = args;
        CliRunner.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> CliRunner.run(all));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("group type must be one of classic, share but got 'queue'");
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Nested
    @KafkaTest
    class OnTheBroker {

        @Test
        @DisplayName("run --group-type classic,share --consumers 9: both runs in the report, and the claim "
                + "'only one consumer per partition' holds only for consumer groups")
        void bothGroupTypesInOneReport(KafkaBackend kafka) throws Exception {
            Path out = tmp.resolve("report");
            CliRunner.Outcome o = CliRunner.run("run", "--no-serve", "--out", out.toString(), "--bootstrap",
                    kafka.bootstrapServers(), "--strategies", "FIXED_KEY", "--group-type", "classic,share",
                    "--consumers", "9", "--messages", "300", "--service-time", "1");
            assertThat(o.exitCode()).as(o.err()).isZero();
            assertThat(o.out()).contains("300 requests on 3 partitions, 9 consumers, commits: small batches "
                    + "(max.poll.records 50, commitSync after every batch)")
                    .contains("300 requests on 3 partitions, 9 share members, acknowledgements: explicit (ACCEPT "
                            + "after handling, RELEASE on failure), commitSync after every batch (max.poll.records 50)");

            JsonNode experiments = new ObjectMapper().readTree(out.resolve("results.json").toFile())
                    .get("experiments");
            assertThat(experiments).hasSize(2);
            assertThat(experiments.get(0).get("share").get("groupType").asText()).isEqualTo("classic");
            assertThat(experiments.get(0).get("activeConsumers").asInt()).isEqualTo(1);
            assertThat(experiments.get(1).get("share").get("groupType").asText()).isEqualTo("share");
            assertThat(experiments.get(1).get("activeConsumers").asInt()).isEqualTo(3);
            String md = Files.readString(out.resolve("report.md"));
            assertThat(md).contains("| Only one consumer can process a partition at a time |")
                    .contains("holds only for consumer groups; not for share groups (Kafka >= 4.2)")
                    .contains("--group-type classic,share");
        }
    }
}
