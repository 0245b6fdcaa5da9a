package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hotkeylab.report.Markdown;
import dev.hotkeylab.report.TextTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: one line naming the bad value and what is allowed, exit code 2, and no report written. */
@org.junit.jupiter.api.DisplayName("./hotkey-lab run, bad input: one line, exit code 2, no report")
class RunCommandBadInputTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(new String[] {"--partitions", "0"}, "partitions must be in [1, 9999] but got 0"),
                Arguments.of(new String[] {"--messages", "0"}, "messages must be in [1, 100000000] but got 0"),
                Arguments.of(new String[] {"--consumers", "-1"}, "consumers must be in [1, 256] but got -1"),
                Arguments.of(new String[] {"--key", ""}, "key must be a non-blank string but got \"\""),
                Arguments.of(new String[] {"--strategies", "FIXED_KEY,HASH"},
                        "unknown strategy 'HASH'; allowed: FIXED_KEY, RANDOM_SALT, PARTITION_AWARE_SALT"),
                Arguments.of(new String[] {"--partitions", "three"}, "'three' is not an int"),
                Arguments.of(new String[] {"--service-time", "-5"}, "service time must be in [0, 10000] ms but got -5"),
                Arguments.of(new String[] {"--backend", "docker"}, "unknown backend 'docker'; allowed: external, container, embedded"),
                Arguments.of(new String[] {"--bootstrap", "nohost"},
                        "bootstrap address must be host:port[,host:port...] but got 'nohost'"),
                Arguments.of(new String[] {"--key", "x".repeat(1 << 20)},
                        "key must be at most 10000 characters but got 1048576"),
                Arguments.of(new String[] {"--key", "CONCERT_\uFFFD_2026"},
                        "key must be valid UTF-8 text but has an undecodable character at index 8"),
                Arguments.of(new String[] {"--messages", "1e3"}, "'1e3' is not an int"),
                Arguments.of(new String[] {"--service-time", "fast"}, "'fast' is not a double"),
                Arguments.of(new String[] {"--consumers", "300"}, "consumers must be in [1, 256] but got 300"),
                Arguments.of(new String[] {"--inventory", "REDIS_LUA", "--capacity", "many"}, "'many' is not an int"),
                Arguments.of(new String[] {"--port", "70000"}, "port must be in [0, 65535] but got 70000"),
                Arguments.of(new String[] {"--commits", "fast"},
                        "commits must be one of auto, small-batches, throughput but got 'fast'"),
                Arguments.of(new String[] {"--records", "trim"},
                        "records must be one of auto, keep, delete-consumed but got 'trim'"),
                Arguments.of(new String[] {"--inventory", "MYSQL"}, "unknown inventory store 'MYSQL'; allowed: naive-redis, naive-sql, redis-lua"),
                Arguments.of(new String[] {"--inventory", "REDIS_LUA", "--capacity", "0"}, "capacity must be"),
                Arguments.of(new String[] {"--inventory", "REDIS_LUA", "--redis", "redis://127.0.0.1:1"},
                        "redis://127.0.0.1:1"),
                Arguments.of(new String[] {"--inventory", "SQL_CONDITIONAL", "--jdbc",
                        "jdbc:postgresql://127.0.0.1:1/test?user=postgres"}, "127.0.0.1:1"),
                Arguments.of(new String[] {"--inventory", "SQL_CONDITIONAL", "--jdbc", "postgres://nope"},
                        "postgres://nope"),
                // With a bootstrap nobody answers at: the message proves the check ran before any cluster was asked.
                Arguments.of(new String[] {"--timeout", "9223372036854775807", "--bootstrap", "127.0.0.1:1"},
                        "timeout must be in [1, 86400] s but got 9223372036854775807"),
                Arguments.of(new String[] {"--adaptive-threshold", "0", "--bootstrap", "127.0.0.1:1"},
                        "threshold must be in (0, 1]"),
                Arguments.of(new String[] {"--adaptive-threshold", "NaN", "--bootstrap", "127.0.0.1:1"},
                        "threshold must be in (0, 1]"),
                Arguments.of(new String[] {"--key", " ", "--bootstrap", "127.0.0.1:1"},
                        "key must be a non-blank string but got \" \""),
                Arguments.of(new String[] {"--key", "\t\n", "--bootstrap", "127.0.0.1:1"},
                        "key must be a non-blank string but got \"\\t\\n\""));
    }

    @ParameterizedTest(name = "run {0} -> {1}")
    @MethodSource("badInput")
    void oneLineExitTwoNoReport(String[] args, String message) {
        Path out = tmp.resolve("report");
        String[] all = Stream.concat(Stream.of("run", "--no-serve", "--out", out.toString()), Stream.of(args))
                .toArray(String[]::new);
        CliRunner.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> CliRunner.run(all));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains(message);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnreachableBootstrapFailsWithinFifteenSecondsWithoutAReport() {
        Path out = tmp.resolve("report");
        CliRunner.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> CliRunner.run("run", "--no-serve", "--out", out.toString(), "--bootstrap", "127.0.0.1:1"));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("no Kafka cluster answered at bootstrap '127.0.0.1:1'");
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void aDashboardPortInUseIsOneLineExitTwoAndNoReport() throws Exception {
        Path out = tmp.resolve("report");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            CliRunner.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> CliRunner.run("run",
                    "--out", out.toString(), "--port", String.valueOf(taken.getLocalPort())));
            assertThat(o.exitCode()).isEqualTo(2);
            assertThat(o.err()).contains(String.valueOf(taken.getLocalPort()));
            assertThat(o.err().strip().lines()).hasSize(1);
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputFolderUnderAFileIsRefusedBeforeAnyRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Path out = file.resolve("report");
        CliRunner.Outcome o = CliRunner.run("run", "--no-serve", "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("output folder '" + out + "' cannot be written");
    }

    @Test
    void anOutputFolderThatIsAFileIsRefusedBeforeAnyRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        CliRunner.Outcome o = CliRunner.run("run", "--no-serve", "--out", file.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("output folder '" + file + "' is a file");
    }

    @Test
    void aFolderWithAUserFileIsRefusedUpFrontAndKept() throws Exception {
        Path mydocs = Files.createDirectories(tmp.resolve("d/mydocs"));
        Files.writeString(mydocs.resolve("notes.txt"), "keep");
        for (String command : new String[] {"run", "bench"}) {
            String[] args = command.equals("run")
                    ? new String[] {"run", "--no-serve", "--strategies", "FIXED_KEY", "--messages", "20", "--out", mydocs.toString()}
                    : new String[] {"bench", "--n", "1", "--out", mydocs.toString()};
            CliRunner.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> CliRunner.run(args));
            assertThat(o.exitCode()).as(command).isEqualTo(2);
            assertThat(o.err()).isEqualTo(command + ": output folder '" + mydocs + "' is refused: it holds files "
                    + "hotkey-lab did not write (notes.txt); choose an empty or new folder" + System.lineSeparator());
            assertThat(o.out()).isEmpty();
        }
        assertThat(mydocs.resolve("notes.txt")).hasContent("keep");
        try (Stream<Path> left = Files.list(tmp.resolve("d"))) {
            assertThat(left).containsExactly(mydocs);
        }
    }

    @ParameterizedTest(name = "run --out {0} is refused before anything starts")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/", ".", "~", "REPO_ROOT", "HOME"})
    void dangerousOutputFoldersAreRefused(String given) {
        String out = switch (given) {
            case "REPO_ROOT" -> Path.of("").toAbsolutePath().toString();
            case "HOME" -> System.getProperty("user.home");
            default -> given;
        };
        CliRunner.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> CliRunner.run("run", "--no-serve", "--out", out));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith("run: output folder '" + out + "' is refused: ");
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.out()).isEmpty();
    }

    @Test
    void theReproduceLineShellQuotesEveryArgument() throws Exception {
        RunCommand run = new RunCommand();
        new picocli.CommandLine(run).parseArgs("--key", "x; rm -rf ~", "--strategies", "FIXED_KEY", "--messages", "20");
        String line = run.reproduceCommand();
        assertThat(line).contains("--key 'x; rm -rf ~'");
        // What bash makes of it: the key is one argument and nothing else runs.
        Process bash = new ProcessBuilder("bash", "-c", "set -- " + line.substring(line.indexOf(' ') + 1)
                + "; printf '%s\\n' \"$@\"").redirectErrorStream(true).start();
        java.util.List<String> argv = new String(bash.getInputStream().readAllBytes()).lines().toList();
        assertThat(bash.waitFor()).isZero();
        assertThat(argv).containsSubsequence("--key", "x; rm -rf ~").contains("--strategies", "FIXED_KEY");
    }

    @Test
    void aKeyWithEscapeBytesIsShownEscapedInReportMd() throws Exception {
        TextTable table = new TextTable("key").row("A\u001B[2J\u0007");
        assertThat(table.toText()).doesNotContain("\u001B").doesNotContain("\u0007").contains("A\\u001B[2J\\u0007");
        assertThat(table.toMarkdown()).doesNotContain("\u001B").doesNotContain("\u0007");
        assertThat(Markdown.code("K\u001B]0;title\u0007")).isEqualTo("`K\\u001B]0;title\\u0007`");
    }
}
