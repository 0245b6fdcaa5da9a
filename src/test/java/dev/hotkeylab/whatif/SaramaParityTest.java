package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@code sarama} model against Sarama itself: {@code src/test/go/sarama_partitions.go} calls the real
 * {@code sarama.NewHashPartitioner} (Debian's golang-github-shopify-sarama-dev 1.22.1, built offline with Go 1.19)
 * for thousands of keys and seven partition counts, plus the empty key and null keys. No broker needed; skipped with
 * the reason when Go or Sarama's source is missing.
 */
class SaramaParityTest {

    private static final int[] PARTITION_COUNTS = {1, 2, 3, 6, 7, 12, 50, 100, 1000};

    @Test
    @DisplayName("Sarama's own hash partitioner agrees with the sarama model on 3,000 keys x 9 partition counts")
    void saramaModelMatchesSarama() throws Exception {
        String why = ExternalClients.whyNoSarama();
        dev.hotkeylab.findings.RequiredTool.require(why); // skipped with the reason here, fails on CI
        List<byte[]> keys = new ArrayList<>();
        for (String k : List.of("", "100:48069", "1468509572224", "ACME    ", "ACME", "SUPER_STAR_CONCERT_2026",
                "kafka", "concert-é€𝄞")) {
            keys.add(k.getBytes(StandardCharsets.UTF_8));
        }
        Random random = new Random(16);
        while (keys.size() < 3_000) {
            byte[] bytes = new byte[1 + random.nextInt(64)];
            random.nextBytes(bytes);
            keys.add(bytes);
        }
        List<JsonNode> rows = place(keys, 0);
        assertThat(rows).hasSize(keys.size());
        assertSoftly(softly -> {
            for (int i = 0; i < keys.size(); i++) {
                for (int c = 0; c < PARTITION_COUNTS.length; c++) {
                    softly.assertThat(ClientModel.SARAMA.partitionFor(keys.get(i), PARTITION_COUNTS[c]))
                            .as("key %s, %d partitions", rows.get(i).get("key").asText(), PARTITION_COUNTS[c])
                            .isEqualTo(rows.get(i).get("partitions").get(c).asInt());
                }
            }
        });
        // The case: Sarama p3 of 12 for 100:48069, where the Java client says p9.
        assertThat(rows.get(1).get("partitions").get(5).asInt()).isEqualTo(3);
        assertThat(ClientModel.JAVA.partitionFor("100:48069", 12)).isEqualTo(9);
    }

    @Test
    @DisplayName("Sarama sends a nil key to a random partition: the model's SPREAD")
    void nilKeyIsRandom() throws Exception {
        String why = ExternalClients.whyNoSarama();
        dev.hotkeylab.findings.RequiredTool.require(why); // skipped with the reason here, fails on CI
        List<JsonNode> rows = place(List.of(), 60);
        Set<Integer> onSix = new HashSet<>();
        rows.forEach(r -> onSix.add(r.get("partitions").get(3).asInt()));
        // 60 uniform draws over 6 partitions reach fewer than 3 with probability < 1e-27.
        assertThat(onSix).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ClientModel.SARAMA.partitionFor((byte[]) null, 6)).isEqualTo(ClientModel.SPREAD);
    }

    private static List<JsonNode> place(List<byte[]> keys, int nullKeys) throws Exception {
        StringBuilder stdin = new StringBuilder();
        for (byte[] key : keys) {
            stdin.append(Base64.getEncoder().encodeToString(key)).append('\n');
        }
        stdin.append("null\n".repeat(nullKeys));
        StringBuilder counts = new StringBuilder();
        for (int p : PARTITION_COUNTS) {
            counts.append(counts.length() == 0 ? "" : ",").append(p);
        }
        ExternalClients.Result result = ExternalClients.run(
                List.of(ExternalClients.saramaPartitions().toString(), counts.toString()), stdin.toString(),
                Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("sarama_partitions stderr: %s", result.stderr()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : result.stdout().lines().toList()) {
            rows.add(json.readTree(line));
        }
        return rows;
    }
}
