package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** bench's bad input: one line, exit code 2, no report, before any broker is started. */
@org.junit.jupiter.api.DisplayName("./hotkey-lab bench, bad input: one line, exit code 2, no report")
class BenchCommandBadInputTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(new String[] {"--n", "1,0"}, "n must be in [1, 64] but got 0"),
                Arguments.of(new String[] {"--n", "two"}, "'two' is not an int"),
                Arguments.of(new String[] {"--messages", "0"}, "messages per partition must be in [1, 1000000] but got 0"),
                Arguments.of(new String[] {"--service-time", "-1"}, "service time must be in [0, 10000] ms but got -1"),
                Arguments.of(new String[] {"--strategies", "FIXED_KEY"},
                        "strategies must name at least one salted strategy"),
                Arguments.of(new String[] {"--strategies", "SALT"}, "unknown strategy 'SALT'; allowed: FIXED_KEY"),
                Arguments.of(new String[] {"--backend", "docker"}, "unknown backend 'docker'"),
                Arguments.of(new String[] {"--inventory", "--perf"},
                        "--inventory and --perf are two different benchmarks; give one of them"),
                Arguments.of(new String[] {"--inventory", "in-memory", "--perf", "1000"},
                        "--inventory and --perf are two different benchmarks; give one of them"));
    }

    @ParameterizedTest(name = "bench {0} -> {1}")
    @MethodSource("badInput")
    void oneLineExitTwoNoReport(String[] args, String message) {
        Path out = tmp.resolve("report");
        String[] all = Stream.concat(Stream.of("bench", "--out", out.toString()), Stream.of(args))
                .toArray(String[]::new);
        CliRunner.Outcome o = CliRunner.run(all);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains(message);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void aResultsJsonItCannotMergeIntoIsRefusedBeforeAnyRun() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("report"));
        Files.writeString(out.resolve("results.json"), "[1, 2]");
        CliRunner.Outcome o = CliRunner.run("bench", "--out", out.toString(), "--bootstrap", "127.0.0.1:1");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("is not a results.json this version can read").contains("choose another --out");
        assertThat(o.err().strip().lines()).hasSize(1);
    }
}
