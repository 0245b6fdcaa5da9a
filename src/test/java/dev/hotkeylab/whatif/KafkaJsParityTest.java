package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Java models of KafkaJS's partitioners against KafkaJS itself (node, the pinned kafkajs from src/test/js), over
 * thousands of keys of every length class and byte value: the legacy JavaScript-number murmur2 is easy to get subtly
 * wrong, and only the real code can say it is right. No broker needed; skipped with the reason when node or KafkaJS is
 * missing.
 */
@org.junit.jupiter.api.DisplayName("KafkaJS itself against the Java models of its partitioners")
class KafkaJsParityTest {

    private static final int[] PARTITION_COUNTS = {1, 2, 3, 7, 12, 100, 1000};

    @Test
    @DisplayName("KafkaJS's own partitioners agree with the kafkajs-legacy and java models on 3,000 keys x 7 partition counts")
    void legacyModelAndJavaClientMatchKafkaJsForRandomKeys() throws Exception {
        String why = ExternalClients.whyNoKafkaJs();
        dev.hotkeylab.findings.RequiredTool.require(why); // skipped with the reason here, fails on CI
        List<byte[]> keys = keys(3_000, 99);
        StringBuilder stdin = new StringBuilder();
        for (byte[] key : keys) {
            stdin.append(Base64.getEncoder().encodeToString(key)).append('\n');
        }
        StringBuilder counts = new StringBuilder();
        for (int p : PARTITION_COUNTS) {
            counts.append(counts.length() == 0 ? "" : ",").append(p);
        }
        ExternalClients.Result result = ExternalClients.run(
                List.of("node", ExternalClients.JS_DIR.resolve("partitions.js").toString(), counts.toString()),
                stdin.toString(), Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("node partitions.js stderr: %s", result.stderr()).isZero();

        ObjectMapper json = new ObjectMapper();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).hasSize(keys.size());
        assertSoftly(softly -> {
            for (int i = 0; i < lines.size(); i++) {
                JsonNode row;
                try {
                    row = json.readTree(lines.get(i));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + lines.get(i), e);
                }
                byte[] key = Base64.getDecoder().decode(row.get("key").asText());
                for (int c = 0; c < PARTITION_COUNTS.length; c++) {
                    int p = PARTITION_COUNTS[c];
                    softly.assertThat(ClientModel.KAFKAJS_LEGACY.partitionFor(key, p))
                            .as("legacy, key %s, %d partitions", row.get("key").asText(), p)
                            .isEqualTo(row.get("legacy").get(c).asInt());
                    softly.assertThat(ClientModel.JAVA.partitionFor(key, p))
                            .as("default (Java-compatible), key %s, %d partitions", row.get("key").asText(), p)
                            .isEqualTo(row.get("default").get(c).asInt());
                }
            }
        });
    }

    @Test
    @DisplayName("KafkaJS hashes an empty key like any other and sends null keys round robin, as the models say")
    void emptyAndNullKeysFollowKafkaJsRules() throws Exception {
        String why = ExternalClients.whyNoKafkaJs();
        dev.hotkeylab.findings.RequiredTool.require(why); // skipped with the reason here, fails on CI
        List<String> keys = List.of("", "ACME    ", "ACME", "100:48069");
        StringBuilder stdin = new StringBuilder();
        for (String key : keys) {
            stdin.append(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        stdin.append("null\nnull\nnull\nnull\nnull\nnull\n");
        ExternalClients.Result result = ExternalClients.run(
                List.of("node", ExternalClients.JS_DIR.resolve("partitions.js").toString(), "6"),
                stdin.toString(), Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("node partitions.js stderr: %s", result.stderr()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : result.stdout().lines().toList()) {
            rows.add(json.readTree(line));
        }
        assertThat(rows).hasSize(keys.size() + 6);
        for (int i = 0; i < keys.size(); i++) {
            assertThat(rows.get(i).get("default").get(0).asInt()).as("default, key '%s'", keys.get(i))
                    .isEqualTo(ClientModel.KAFKAJS.partitionFor(keys.get(i), 6));
            assertThat(rows.get(i).get("legacy").get(0).asInt()).as("legacy, key '%s'", keys.get(i))
                    .isEqualTo(ClientModel.KAFKAJS_LEGACY.partitionFor(keys.get(i), 6));
        }
        // The empty key is hashed: p3 on 6 partitions, where the Java client puts it too.
        assertThat(rows.get(0).get("default").get(0).asInt()).isEqualTo(3);
        // Six null keys in a row: round robin over all six partitions, which the models call SPREAD.
        List<Integer> nullPlaced = rows.subList(keys.size(), rows.size()).stream()
                .map(r -> r.get("default").get(0).asInt()).toList();
        assertThat(nullPlaced).doesNotHaveDuplicates();
        assertThat(ClientModel.KAFKAJS.partitionFor((byte[]) null, 6)).isEqualTo(ClientModel.SPREAD);
        assertThat(ClientModel.KAFKAJS_LEGACY.partitionFor((byte[]) null, 6)).isEqualTo(ClientModel.SPREAD);
    }

    /** The seed's keys, then random UTF-8 strings and random bytes of lengths 1..64 (every remainder mod 4). */
    private static List<byte[]> keys(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> keys = new ArrayList<>();
        for (String k : List.of("SUPER_STAR_CONCERT_2026", "SUPER_STAR_CONCERT_2026_0", "SUPER_STAR_CONCERT_2026_1",
                "SUPER_STAR_CONCERT_2026_2", "a", "ab", "abc", "abcd", "concert-é€𝄞")) {
            keys.add(k.getBytes(StandardCharsets.UTF_8));
        }
        while (keys.size() < count) {
            int length = 1 + random.nextInt(64);
            if (random.nextBoolean()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    sb.appendCodePoint(random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(95));
                }
                keys.add(sb.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                keys.add(bytes);
            }
        }
        return keys;
    }
}
