package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@org.junit.jupiter.api.DisplayName("Key counts: Zipf counts and key files (CSV), and bad input")
class KeyCountsTest {

    @TempDir
    Path dir;

    @Test
    void zipfCountsAddUpExactlyAndFallWithRank() {
        KeyCounts keys = KeyCounts.zipf(new ZipfSpec(1.0, 1000, 100_000));
        assertThat(keys.size()).isEqualTo(1000);
        assertThat(keys.totalRecords()).isEqualTo(100_000);
        long sum = 0;
        for (int i = 0; i < keys.size(); i++) {
            sum += keys.count(i);
            if (i > 0) {
                assertThat(keys.count(i)).isLessThanOrEqualTo(keys.count(i - 1));
            }
        }
        assertThat(sum).isEqualTo(100_000);
        // Rank 1 of 1000 with s = 1 gets 1 / H(1000) = 13.36 % of the records.
        assertThat(keys.count(0)).isBetween(13_350L, 13_370L);
        assertThat(keys.label(0)).isEqualTo("key-1");
        assertThat(keys.hottest(3)).containsExactly(0, 1, 2);
    }

    @Test
    void zipfWithExponentZeroIsUniform() {
        KeyCounts keys = KeyCounts.zipf(new ZipfSpec(0, 7, 70));
        for (int i = 0; i < 7; i++) {
            assertThat(keys.count(i)).isEqualTo(10);
        }
    }

    @Test
    void zipfWithFewerRecordsThanKeysStillAddsUp() {
        KeyCounts keys = KeyCounts.zipf(new ZipfSpec(2.0, 1000, 10));
        assertThat(keys.totalRecords()).isEqualTo(10);
    }

    @Test
    void csvWithHeaderQuotedKeysCommasAndRepeats() throws Exception {
        Path file = dir.resolve("keys.csv");
        Files.writeString(file, "key,count\nSUPER_STAR_CONCERT_2026,900\n\n\"a,b\",5\nquiet , 3\nSUPER_STAR_CONCERT_2026,100\n");
        // the count may have spaces around it; the key never loses any
        KeyCounts keys = KeyCounts.fromCsv(file);
        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.totalRecords()).isEqualTo(1008);
        assertThat(keys.label(keys.hottest(1)[0])).isEqualTo("SUPER_STAR_CONCERT_2026");
        assertThat(keys.count(keys.hottest(1)[0])).isEqualTo(1000);
        assertThat(keys.key(1)).isEqualTo("a,b".getBytes(StandardCharsets.UTF_8));
        assertThat(keys.key(2)).isEqualTo("quiet ".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void csvWithoutHeader() throws Exception {
        Path file = dir.resolve("plain.csv");
        Files.writeString(file, "a,1\nb,2\n");
        assertThat(KeyCounts.fromCsv(file).totalRecords()).isEqualTo(3);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a,1\nb\n", 2, "expected 2 fields key,count (quote a key that holds a comma) but got 1: 'b'"),
                Arguments.of("a,1\nb,-3\n", 2, "expected a whole-number count >= 0: 'b,-3'"),
                Arguments.of("a,1\nb,c,3\n", 2, "expected 2 fields key,count (quote a key that holds a comma) but got 3:"
                        + " 'b,c,3'"),
                Arguments.of("a,1\nb,x\n", 2, "expected a whole-number count >= 0: 'b,x'"),
                Arguments.of("a,1\n\nc,1.5\n", 3, "expected a whole-number count >= 0: 'c,1.5'"),
                Arguments.of("key_hex,count\n0a0b,1\nxyz,2\n", 3, "key 'xyz' is not hex (an even number of 0-9a-f"
                        + " digits)"),
                Arguments.of("key_base64,count\n@@@,2\n", 2, "key '@@@' is not base64 (RFC 4648)"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedLineIsOneLineNamingFileAndLine(String content, int line, String text) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, content);
        assertThatThrownBy(() -> KeyCounts.fromCsv(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":" + line + ": " + text);
    }

    @Test
    void missingEmptyAndZeroFilesAreOneLineErrors() throws Exception {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> KeyCounts.fromCsv(missing))
                .hasMessage("key file " + missing + " does not exist; expected a CSV file of key,count lines");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "key,count\n");
        assertThatThrownBy(() -> KeyCounts.fromCsv(empty)).hasMessageContaining("has no key,count lines");
        Path zeros = Files.writeString(dir.resolve("zeros.csv"), "a,0\n");
        assertThatThrownBy(() -> KeyCounts.fromCsv(zeros)).hasMessageContaining("all counts are 0");
    }

    @Test
    void explicitCountsAreCopied() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("x", 4L);
        KeyCounts keys = KeyCounts.of(counts);
        counts.put("y", 5L);
        assertThat(keys.size()).isEqualTo(1);
        assertThatThrownBy(() -> KeyCounts.of(Map.of("x", -1L))).hasMessageContaining("count >= 0");
    }
}
