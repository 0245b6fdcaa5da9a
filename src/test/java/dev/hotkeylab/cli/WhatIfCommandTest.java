package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotkeylab.chart.ChartRenderer;
import dev.hotkeylab.keys.Strategy;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@org.junit.jupiter.api.DisplayName("./hotkey-lab whatif: predictions from key files, JSON and chart")
class WhatIfCommandTest {

    @TempDir
    Path dir;

    /** Through {@link Main}, so the subcommand's registration and Main's error handlers are part of the test. */
    private static CliRunner.Outcome run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "whatif";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRunner.run(all);
    }

    @Test
    void anOutThatCannotBeWrittenIsRefusedBeforeAnythingIsSimulated() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path out = file.resolve("whatif");
        CliRunner.Outcome run = run("--partitions", "3", "--keys", "zipf:1.0:100", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("whatif: output folder '" + out + "' cannot be written")
                .doesNotContain("\n");
        assertThat(run.out()).as("nothing simulated, nothing printed").isEmpty();
    }

    @Test
    void predictsTheSeedsKeysFromAFileAndWritesJsonAndChart() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.csv"), "key,count\nSUPER_STAR_CONCERT_2026,999\n");
        Path out = dir.resolve("out");
        CliRunner.Outcome run = run("--partitions", "3", "--key-file", keys.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("FIXED_KEY", "RANDOM_SALT", "PARTITION_AWARE_SALT", "ENTITY_SALT", "simulated 1 keys x 3 partitions in",
                "rule: Kafka Java client BuiltInPartitioner");
        JsonNode json = new ObjectMapper().readTree(out.resolve("whatif.json").toFile());
        JsonNode predictions = json.get("whatif").get("predictions");
        assertThat(predictions).hasSize(5);
        assertThat(predictions.get(3).get("strategy").asText()).isEqualTo("ENTITY_SALT");
        assertThat(predictions.get(4).get("strategy").asText()).isEqualTo("ADAPTIVE");
        assertThat(doubles(predictions.get(4).get("partitionLoad"))).containsExactly(333.0, 333.0, 333.0);
        assertThat(predictions.get(0).get("strategy").asText()).isEqualTo("FIXED_KEY");
        assertThat(doubles(predictions.get(0).get("partitionLoad"))).containsExactly(0.0, 0.0, 999.0);
        assertThat(doubles(predictions.get(1).get("partitionLoad"))).containsExactly(0.0, 333.0, 666.0);
        assertThat(predictions.get(1).get("consumers").get("idle").get(0).asInt()).isZero();
        assertThat(json.get("elapsedMillis").asLong()).as("the time in whatif.json is the one printed")
                .isEqualTo(Long.parseLong(run.out().replaceAll("(?s).*simulated 1 keys x 3 partitions in ([0-9,]+) ms.*",
                        "$1").replace(",", "")));
        BufferedImage chart = ImageIO.read(out.resolve("whatif.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".whatif-"));
        }
    }

    @Test
    void outIsGuardedLikeRunsBeforeAnythingRunsAndItsOwnFolderIsReplaced() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "my notes");
        CliRunner.Outcome foreign = run("--partitions", "3", "--keys", "zipf:1.0:100", "--out", mine.toString());
        assertThat(foreign.exitCode()).isEqualTo(2);
        assertThat(foreign.err().strip()).isEqualTo("whatif: output folder '" + mine + "' is refused: it holds files "
                + "hotkey-lab did not write (notes.txt); choose an empty or new folder");
        assertThat(foreign.out()).isEmpty();
        assertThat(mine).isDirectoryContaining(p -> p.getFileName().toString().equals("notes.txt"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("whatif"));

        Path readme = Files.writeString(dir.resolve("README.md"), "# mine");
        CliRunner.Outcome file = run("--partitions", "3", "--keys", "zipf:1.0:100", "--out", readme.toString());
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err().strip()).isEqualTo("whatif: output folder '" + readme + "' is a file; expected a folder");
        assertThat(file.out()).isEmpty();
        assertThat(readme).hasContent("# mine");

        Path out = dir.resolve("out");
        assertThat(run("--partitions", "3", "--keys", "zipf:1.0:100", "--out", out.toString()).exitCode()).isZero();
        CliRunner.Outcome again = run("--partitions", "3", "--keys", "zipf:1.0:100", "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("wrote " + out.toAbsolutePath().resolve("whatif.json") + ", "
                + out.toAbsolutePath().resolve("whatif.png"));
    }

    @Test
    void clientGrowthAndCoverageEndUpInTheJson() throws Exception {
        Path out = dir.resolve("grow");
        CliRunner.Outcome run = run("--partitions", "3", "--keys", "zipf:1.0:500:20000", "--client", "kafkajs-legacy",
                "--grow-to", "6", "--coverage", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("grow 3 -> 6 partitions", "recompute the salts", "naive salting coverage");
        JsonNode json = new ObjectMapper().readTree(out.resolve("whatif.json").toFile());
        assertThat(json.get("whatif").get("config").get("client").asText()).isEqualTo("KAFKAJS_LEGACY");
        assertThat(json.get("whatif").get("growth").get("toPartitions").asInt()).isEqualTo(6);
        assertThat(json.get("coverage").get("rows")).hasSize(24);
        assertThat(json.get("coverage").get("rows").get(0).get("coverAllShare").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void coverageAloneNeedsNoKeys() throws Exception {
        Path out = dir.resolve("coverage");
        CliRunner.Outcome run = run("--coverage", "--client", "librdkafka", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("client librdkafka");
        assertThat(out.resolve("whatif.json")).exists();
        assertThat(out.resolve("whatif.png")).doesNotExist();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(List.of("--partitions", "0", "--keys", "zipf:1:10"), "partitions must be in [1, 100000] but got 0"),
                Arguments.of(List.of("--partitions", "3", "--keys", "zipf:1:0"),
                        "bad key spec 'zipf:1:0': zipf COUNT (distinct keys) must be in [1, 20000000] but got 0"),
                Arguments.of(List.of("--partitions", "3", "--keys", "zipf:x:10"), "bad key spec 'zipf:x:10': S 'x' is not a number"),
                Arguments.of(List.of("--partitions", "3", "--keys", "uniform:10"), "bad key spec 'uniform:10'"),
                Arguments.of(List.of("--partitions", "3", "--keys", "zipf:1:10", "--strategies", "FIXED_KEY,HASH_RING"),
                        "unknown strategy 'HASH_RING'; allowed: " + Strategy.allowedNames()),
                Arguments.of(List.of("--partitions", "3", "--keys", "zipf:1:10", "--client", "franz-go"),
                        "unknown client 'franz-go'; allowed: java, kafkajs, kafkajs-legacy, librdkafka,"),
                Arguments.of(List.of("--partitions", "3", "--keys", "zipf:1:10", "--adaptive-threshold", "1.5"),
                        "adaptive threshold must be a share in (0, 1] but got 1.5"),
                Arguments.of(List.of("--partitions", "3", "--keys", "zipf:1:10", "--compare-clients", "java"),
                        "--compare-clients takes two clients, e.g. java,sarama, but got java"),
                Arguments.of(List.of("--partitions", "3", "--keys", "zipf:1:10", "--grow-to", "2"),
                        "grow-to must be more than the 3 partitions"),
                Arguments.of(List.of("--partitions", "3", "--keys", "zipf:1:10", "--salt-buckets", "0"),
                        "salt buckets must be in [1, 100000] but got 0"),
                Arguments.of(List.of("--partitions", "3"), "no keys given"),
                Arguments.of(List.of("--partitions", "three", "--keys", "zipf:1:10"), "'three' is not an int"),
                Arguments.of(List.of("--keys", "zipf:1:10"), "--partitions is required"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsOneLineExitCode2AndWritesNothing(List<String> args, String expected) {
        Path out = dir.resolve("never");
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--out", out.toString()));
        CliRunner.Outcome run = run(all.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("whatif: ").contains(expected);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void keyFileErrorsNameTheFileAndLine() throws Exception {
        Path out = dir.resolve("never");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "key,count\nok,1\nbroken\n");
        CliRunner.Outcome malformed = run("--partitions", "3", "--key-file", bad.toString(), "--out", out.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err().strip()).isEqualTo("whatif: " + bad
                + ":3: expected 2 fields key,count (quote a key that holds a comma) but got 1: 'broken'");

        Path missing = dir.resolve("missing.csv");
        CliRunner.Outcome absent = run("--partitions", "3", "--key-file", missing.toString(), "--out", out.toString());
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err().strip()).isEqualTo("whatif: key file " + missing
                + " does not exist; expected a CSV file of key,count lines");
        assertThat(out).doesNotExist();
    }

    @Test
    void keyFileKeepsSpacesDropsTheBomAndTakesEmptyAndNullKeys() throws Exception {
        // Four keys as a CHAR(8) column exports them: the trailing spaces are part of the key.
        Path keys = dir.resolve("char8.csv");
        Files.write(keys, ("\uFEFFACME    ,1\nACME,1\n\"\",600\n\\N,6\n").getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out");
        CliRunner.Outcome run = run("--partitions", "6", "--key-file", keys.toString(), "--strategies", "FIXED_KEY",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fixed = new ObjectMapper().readTree(out.resolve("whatif.json").toFile())
                .get("whatif").get("predictions").get(0);
        // "" (600) and "ACME    " on p3, ACME on p1 (the BOM is gone), the null key's 6 records spread (1 each).
        assertThat(doubles(fixed.get("partitionLoad"))).containsExactly(1.0, 2.0, 1.0, 602.0, 1.0, 1.0);
        assertThat(run.out()).contains("hottest \"\" = 600 records");
    }

    @Test
    void compareClientsShowsTheSplitKeys() throws Exception {
        Path keys = Files.writeString(dir.resolve("orders.csv"), "key,count\n100:48069,50\n");
        Path out = dir.resolve("out");
        CliRunner.Outcome run = run("--partitions", "12", "--key-file", keys.toString(), "--strategies", "FIXED_KEY",
                "--compare-clients", "java,sarama", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("java vs sarama on 12 partitions: 1 of 1 keys split (100.0 % of records)")
                .containsPattern("100:48069 +50 records: java -> p9, sarama -> p3");
        JsonNode compare = new ObjectMapper().readTree(out.resolve("whatif.json").toFile()).get("compareClients");
        assertThat(compare.get("keysSplit").asInt()).isEqualTo(1);
    }

    @Test
    void adaptiveThresholdWarnsAndCanBeLowered() throws Exception {
        StringBuilder csv = new StringBuilder("key,count\nhot,7000\n");
        for (int i = 0; i < 9_300; i++) {
            csv.append('k').append(i).append(",10\n");
        }
        Path keys = Files.writeString(dir.resolve("thousand.csv"), csv);
        CliRunner.Outcome byDefault = run("--partitions", "1000", "--key-file", keys.toString(), "--strategies",
                "FIXED_KEY,ADAPTIVE", "--out", dir.resolve("a").toString());
        assertThat(byDefault.exitCode()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).contains("warning: 1 key(s) carry 10 times or more a partition's fair share",
                "under ADAPTIVE's threshold 0.2").containsPattern("hot +7.00 % of records = 70 x fair share");
        CliRunner.Outcome lowered = run("--partitions", "1000", "--key-file", keys.toString(), "--strategies",
                "FIXED_KEY,ADAPTIVE", "--adaptive-threshold", "0.05", "--out", dir.resolve("b").toString());
        assertThat(lowered.exitCode()).as(lowered.err()).isZero();
        assertThat(lowered.out()).doesNotContain("warning:").contains("keys with >= 0.05 of the records spread");
    }

    @Test
    void aClientThatRefusesAKeyIsBadInput() throws Exception {
        Path keys = Files.writeString(dir.resolve("nulls.csv"), "key,count\n\\N,5\n");
        CliRunner.Outcome run = run("--partitions", "3", "--key-file", keys.toString(), "--client", "hashcode",
                "--out", dir.resolve("never").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("whatif: the hashcode selector (Spring Cloud Stream) refuses a null"
                + " partition key");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void aBinaryKeyFileIsNamedAsNotUtf8() throws Exception {
        Path out = dir.resolve("never");
        Path binary = Files.write(dir.resolve("keys.bin"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'k', ',', '1', '\n'});
        CliRunner.Outcome o = run("--partitions", "3", "--key-file", binary.toString(), "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("whatif: " + binary
                + ":1: not UTF-8 text; give binary keys as hex or base64 (header key_hex,count or key_base64,count)");
        assertThat(out).doesNotExist();
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asDouble()));
        return values;
    }
}
