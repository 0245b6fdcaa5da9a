package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.keys.Strategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients' rules against published test vectors (where no real client runs here) and the cases of issue 16, with
 * the values the real clients give (the broker tests {@code LibrdkafkaPartitionersTest} and
 * {@code KafkaJsParityTest} check the same keys against kcat, confluent-kafka-python and KafkaJS).
 */
class ClientRulesTest {

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("FNV-1a 32 matches Go's hash/fnv golden32a vectors (src/hash/fnv/fnv_test.go)")
    void fnv1aMatchesGoGoldenVectors() {
        assertThat(ClientModel.fnv1a32(utf8(""))).isEqualTo(0x811c9dc5);
        assertThat(ClientModel.fnv1a32(utf8("a"))).isEqualTo(0xe40c292c);
        assertThat(ClientModel.fnv1a32(utf8("ab"))).isEqualTo(0x4d2505ca);
        assertThat(ClientModel.fnv1a32(utf8("abc"))).isEqualTo(0x1a47e90b);
    }

    @Test
    @DisplayName("Sarama: \"1468509572224\" hashes to 2^31 (its partitioner_test.go), so |MinInt32 % 50| = 48")
    void saramaMinInt32Vector() {
        // IBM/sarama partitioner_test.go, TestHashPartitionerMinInt32: "generates 2147483648 (uint32) result".
        assertThat(ClientModel.fnv1a32(utf8("1468509572224"))).isEqualTo(Integer.MIN_VALUE);
        // Go: int32(-2147483648) % 50 = -48, negated to 48 (in range, which is all Sarama's test asserts).
        assertThat(ClientModel.SARAMA.partitionFor("1468509572224", 50)).isEqualTo(48);
        assertThat(ClientModel.LIBRDKAFKA_FNV1A.partitionFor("1468509572224", 50)).isEqualTo((int) (2147483648L % 50));
    }

    @Test
    @DisplayName("|FNV-1a| matches librdkafka's rdfnv1a.c unit test (values from Go's hash/fnv, absolute value)")
    void fnv1aAbsMatchesLibrdkafkaUnitTest() {
        Map<String, Integer> vectors = new LinkedHashMap<>();
        vectors.put("kafka", 0xd33c4e1);
        vectors.put("giberish123456789", 0x77a58295);
        vectors.put("1234", 0x23bdd03);
        vectors.put("234", 0x2dea3cd2);
        vectors.put("34", 0x740fa83e);
        vectors.put("4", 0x310ca263);
        vectors.put("PreAmbleWillBeRemoved,ThePrePartThatIs", 0x65cbd69c);
        vectors.put("reAmbleWillBeRemoved,ThePrePartThatIs", 0x6e49c79a);
        vectors.put("eAmbleWillBeRemoved,ThePrePartThatIs", 0x69eed356);
        vectors.put("AmbleWillBeRemoved,ThePrePartThatIs", 0x6abcc023);
        vectors.put("", 0x7ee3623b);
        vectors.forEach((key, abs) -> {
            assertThat(Math.abs(ClientModel.fnv1a32(utf8(key)))).as(key).isEqualTo(abs);
            // so on 1,000 partitions both clients give |h| % 1000
            assertThat(ClientModel.LIBRDKAFKA_FNV1A.partitionFor(key, 1000)).as(key).isEqualTo(abs % 1000);
            assertThat(ClientModel.SARAMA.partitionFor(key, 1000)).as(key).isEqualTo(abs % 1000);
        });
    }

    @Test
    @DisplayName("Sarama puts 100:48069 on p3 of 12, the Java client on p9 (issue 16)")
    void saramaAndJavaSplitTheSameKey() {
        assertThat(ClientModel.SARAMA.partitionFor("100:48069", 12)).isEqualTo(3);
        assertThat(ClientModel.JAVA.partitionFor("100:48069", 12)).isEqualTo(9);
        // librdkafka's fnv1a was written to match Sarama (and kcat -X partitioner=fnv1a puts it on p3 too).
        assertThat(ClientModel.LIBRDKAFKA_FNV1A.partitionFor("100:48069", 12)).isEqualTo(3);
        int h = ClientModel.fnv1a32(utf8("100:48069"));
        assertThat(ClientModel.SARAMA.partitionFor("100:48069", 12)).isEqualTo(Math.abs(h % 12));
    }

    @Test
    @DisplayName("librdkafka consistent = Sarama's ConsistentCRCHashPartitioner vectors on 100 partitions")
    void librdkafkaConsistentMatchesSaramaCrcVectors() {
        // IBM/sarama partitioner_test.go, TestConsistentCRCHashPartitioner ("compatible with librdkafka's consistent").
        Map<String, Integer> vectors = Map.of("abc123def456", 57, "SheetJS", 26, "9e8c7f4cf45857cfff7645d6", 24,
                "3900446192ff85a5f67da10c", 75, "0f4407b7a67d6d27de372198", 50);
        vectors.forEach((key, partition) -> {
            assertThat(ClientModel.LIBRDKAFKA_CONSISTENT.partitionFor(key, 100)).as(key).isEqualTo(partition);
            assertThat(ClientModel.LIBRDKAFKA.partitionFor(key, 100)).as(key).isEqualTo(partition);
        });
    }

    @Test
    @DisplayName("hashcode: Spring Cloud Stream's DefaultPartitionSelector formula; MIN_VALUE and \"\" to p0; null refused")
    void hashcodeSelector() {
        // "polygenelubricants".hashCode() is Integer.MIN_VALUE: the selector maps it to 0.
        assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
        assertThat(ClientModel.HASHCODE.partitionFor("polygenelubricants", 7)).isZero();
        assertThat(ClientModel.HASHCODE.partitionFor("", 7)).isZero();
        assertThat(ClientModel.HASHCODE.partitionFor("ACME", 6)).isEqualTo(Math.abs("ACME".hashCode()) % 6);
        // A negative hashCode: abs first, then the remainder.
        int h = "SUPER_STAR_CONCERT_2026".hashCode();
        assertThat(ClientModel.HASHCODE.partitionFor("SUPER_STAR_CONCERT_2026", 12)).isEqualTo(Math.abs(h) % 12);
        assertThatThrownBy(() -> ClientModel.HASHCODE.partitionFor(new byte[] {(byte) 0xff}, 3))
                .hasMessageContaining("is not UTF-8 text");
    }

    @Test
    @DisplayName("empty and null keys follow each client's own rule")
    void emptyAndNullKeys() {
        byte[] empty = new byte[0];
        // murmur2("") = 275646681, & 0x7fffffff % 6 = 3.
        for (ClientModel m : List.of(ClientModel.JAVA, ClientModel.KAFKAJS, ClientModel.LIBRDKAFKA_MURMUR2,
                ClientModel.LIBRDKAFKA_MURMUR2_RANDOM)) {
            assertThat(m.partitionFor(empty, 6)).as(m.cliName()).isEqualTo(3);
        }
        assertThat(ClientModel.LIBRDKAFKA.partitionFor(empty, 6)).isEqualTo(ClientModel.SPREAD);
        assertThat(ClientModel.LIBRDKAFKA_RANDOM.partitionFor(empty, 6)).isEqualTo(ClientModel.SPREAD);
        assertThat(ClientModel.LIBRDKAFKA_CONSISTENT.partitionFor(empty, 6)).isZero(); // crc32("") = 0
        // fnv1a("") = 0x811c9dc5, as int32 -2128831035: |-2128831035 % 6| = 3 for Sarama and librdkafka alike.
        assertThat(ClientModel.LIBRDKAFKA_FNV1A.partitionFor(empty, 6)).isEqualTo(3);
        assertThat(ClientModel.LIBRDKAFKA_FNV1A_RANDOM.partitionFor(empty, 6)).isEqualTo(3);
        assertThat(ClientModel.SARAMA.partitionFor(empty, 6)).isEqualTo(3);
        // librdkafka's consistent, murmur2 and fnv1a hash a null key as the empty key (kcat and python show it).
        assertThat(ClientModel.LIBRDKAFKA_CONSISTENT.partitionFor((byte[]) null, 6)).isZero();
        assertThat(ClientModel.LIBRDKAFKA_MURMUR2.partitionFor((byte[]) null, 6)).isEqualTo(3);
        assertThat(ClientModel.LIBRDKAFKA_FNV1A.partitionFor((byte[]) null, 6)).isEqualTo(3);
    }

    @Test
    @DisplayName("600 empty keys on 6 partitions: all on p3 for Java and murmur2_random, spread by librdkafka's default")
    void sixHundredEmptyKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.csv"), "key,count\n\"\",600\n");
        KeyCounts keys = KeyCounts.fromCsv(file);
        for (ClientModel m : List.of(ClientModel.JAVA, ClientModel.LIBRDKAFKA_MURMUR2_RANDOM)) {
            StrategyPrediction fixed = fixedKey(keys, 6, m);
            assertThat(fixed.partitionLoad()).as(m.cliName()).containsExactly(0, 0, 0, 600, 0, 0);
        }
        StrategyPrediction spread = fixedKey(keys, 6, ClientModel.LIBRDKAFKA);
        assertThat(spread.partitionLoad()).containsExactly(100, 100, 100, 100, 100, 100);
        assertThat(spread.partitions().maxOverMean()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("ACME with trailing spaces is its own key: p3 on 6 partitions (Java), ACME is p1")
    void trailingSpacesAreKept() throws Exception {
        Path file = Files.writeString(dir.resolve("spaces.csv"), "ACME    ,1\nACME,1\n");
        KeyCounts keys = KeyCounts.fromCsv(file);
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.label(0)).isEqualTo("\"ACME    \"");
        assertThat(ClientModel.JAVA.partitionFor(keys.key(0), 6)).isEqualTo(3);
        assertThat(ClientModel.JAVA.partitionFor(keys.key(1), 6)).isEqualTo(1);
        assertThat(fixedKey(keys, 6, ClientModel.JAVA).partitionLoad()).containsExactly(0, 1, 0, 1, 0, 0);
    }

    @Test
    @DisplayName("a UTF-8 byte-order mark is dropped: ACME stays on p1 of 6, not p4")
    void byteOrderMarkIsDropped() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, utf8("\uFEFFACME,1\n"));
        KeyCounts keys = KeyCounts.fromCsv(file);
        assertThat(keys.key(0)).isEqualTo(utf8("ACME"));
        assertThat(ClientModel.JAVA.partitionFor(keys.key(0), 6)).isEqualTo(1);
        // What the old reader did: the BOM stayed in the key.
        assertThat(ClientModel.JAVA.partitionFor(utf8("\uFEFFACME"), 6)).isEqualTo(4);
    }

    @Test
    @DisplayName("null marker, quoted marker, hex and base64 keys")
    void nullHexAndBase64Keys() throws Exception {
        KeyCounts text = KeyCounts.fromCsv(Files.writeString(dir.resolve("null.csv"),
                "key,count\n\\N,5\n\"\\N\",2\n\"\",3\n,4\n\"a\nb\",1\n"));
        assertThat(text.size()).isEqualTo(4);
        assertThat(text.key(0)).isNull();
        assertThat(text.count(0)).isEqualTo(5);
        assertThat(text.key(1)).isEqualTo(utf8("\\N"));
        assertThat(text.key(2)).isEmpty();
        assertThat(text.count(2)).isEqualTo(7); // "" and an empty field are the same empty key
        assertThat(text.key(3)).isEqualTo(utf8("a\nb"));

        KeyCounts hex = KeyCounts.fromCsv(Files.writeString(dir.resolve("hex.csv"), "key_hex,count\n00ff,2\n,1\n\\N,1\n"));
        assertThat(hex.key(0)).containsExactly(0x00, 0xff);
        assertThat(hex.label(0)).isEqualTo("0x00ff");
        assertThat(hex.key(1)).isEmpty();
        assertThat(hex.key(2)).isNull();

        KeyCounts b64 = KeyCounts.fromCsv(Files.writeString(dir.resolve("b64.csv"), "key_base64,count\nAP8=,3\n"));
        assertThat(b64.key(0)).containsExactly(0x00, 0xff);
    }

    @Test
    @DisplayName("a line that is not UTF-8 is named by its line number")
    void invalidUtf8IsNamedByLine() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'a', ',', '1', '\n', 'b', ',', '2', '\n', (byte) 0xe9, ',', '3', '\n'});
        assertThatThrownBy(() -> KeyCounts.fromCsv(file))
                .hasMessage(file + ":3: not UTF-8 text; give binary keys as hex or base64 (header key_hex,count or"
                        + " key_base64,count)");
    }

    @Test
    @DisplayName("an unterminated quote is one line naming the file")
    void unterminatedQuote() throws Exception {
        Path file = Files.writeString(dir.resolve("quote.csv"), "a,1\n\"b,2\n");
        assertThatThrownBy(() -> KeyCounts.fromCsv(file)).hasMessageStartingWith(file + ": cannot be parsed as CSV: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @DisplayName("1,000 partitions: a key with 7 % of the records (70x fair share) is not hot at 0.2; a warning says so")
    void adaptiveThresholdWarning() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("hot", 7_000L);
        for (int i = 0; i < 93_000; i++) {
            counts.put("k" + i, 1L);
        }
        KeyCounts keys = KeyCounts.of(counts);
        WhatIfConfig byDefault = WhatIfConfig.builder(1000).strategies(List.of(Strategy.FIXED_KEY, Strategy.ADAPTIVE))
                .build();
        WhatIfResult result = new WhatIfSimulator(byDefault).simulate(keys);
        int home = ClientModel.JAVA.partitionFor("hot", 1000);
        StrategyPrediction adaptive = result.predictions().get(1);
        assertThat(adaptive.partitionLoad()[home]).isGreaterThanOrEqualTo(7_000);
        assertThat(result.adaptiveWarning()).isNotNull();
        assertThat(result.adaptiveWarning().keys()).isEqualTo(1);
        AdaptiveWarning.Key warned = result.adaptiveWarning().shown().get(0);
        assertThat(warned.key()).isEqualTo("hot");
        assertThat(warned.share()).isEqualTo(0.07);
        assertThat(warned.timesFairShare()).isEqualTo(70.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(WhatIfOutput.text(result, null)).contains("warning: 1 key(s) carry 10 times or more");

        WhatIfConfig lowered = WhatIfConfig.builder(1000).strategies(List.of(Strategy.FIXED_KEY, Strategy.ADAPTIVE))
                .adaptiveThreshold(0.05).build();
        WhatIfResult spread = new WhatIfSimulator(lowered).simulate(keys);
        assertThat(spread.adaptiveWarning()).isNull();
        assertThat(spread.predictions().get(1).partitionLoad()[home]).isLessThan(200);
    }

    @Test
    @DisplayName("--compare-clients: Java and Sarama split 100:48069; Java and KafkaJS split nothing")
    void compareClients() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("100:48069", 50L);
        counts.put(null, 10L);
        KeyCounts keys = KeyCounts.of(counts);
        ClientComparison javaSarama = ClientComparison.compare(keys, ClientModel.JAVA, ClientModel.SARAMA, 12);
        assertThat(javaSarama.keysSplit()).isEqualTo(1);
        assertThat(javaSarama.recordsSplit()).isEqualTo(50);
        assertThat(javaSarama.keysUnplaced()).isEqualTo(1);
        assertThat(javaSarama.examples().get(0)).isEqualTo(new ClientComparison.Example("100:48069", 50, 9, 3));
        ClientComparison javaKafkaJs = ClientComparison.compare(keys, ClientModel.JAVA, ClientModel.KAFKAJS, 12);
        assertThat(javaKafkaJs.keysSplit()).isZero();
    }

    private static StrategyPrediction fixedKey(KeyCounts keys, int partitions, ClientModel client) {
        WhatIfConfig config = WhatIfConfig.builder(partitions).client(client).strategies(List.of(Strategy.FIXED_KEY))
                .build();
        return new WhatIfSimulator(config).simulate(keys).predictions().get(0);
    }
}
