package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Limits the process cannot keep are refused before anything starts, naming what to raise")
class LimitsTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("partitions against the file-descriptor limit: 1000 partitions under ulimit -n 1024 are refused")
    void fileDescriptors() {
        assertThatThrownBy(() -> Limits.requirePartitions(1000, 1, 1024, 150))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitions 1000 need about 2550 file descriptors for the embedded broker but this process "
                        + "may open 1024 (ulimit -n); raise it with 'ulimit -n 3072' or lower --partitions");
        assertThatCode(() -> Limits.requirePartitions(3, 1, 1024, 150)).doesNotThrowAnyException();
        assertThatCode(() -> Limits.requirePartitions(1000, 1, 1_048_576, 150)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("requests against the heap: one bit per request; 10^8 requests fit in 512 MB, not in 128 MB")
    void heapForRequests() {
        assertThatThrownBy(() -> Limits.requireHeapForRequests(100_000_000, 128L << 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("messages 100000000 need about 171 MB of heap but this JVM may use 128 MB; raise it with "
                        + "HOTKEY_JAVA_OPTS=-Xmx192m or lower --messages");
        assertThatCode(() -> Limits.requireHeapForRequests(100_000_000, 512L << 20)).doesNotThrowAnyException();
        assertThatCode(() -> Limits.requireHeapForRequests(10_000_000, 256L << 20)).doesNotThrowAnyException();
        assertThatCode(() -> Limits.requireHeapForRequests(1000, 256L << 20)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("requests against the temp dir's free disk")
    void disk() {
        assertThatThrownBy(() -> Limits.requireDiskForRequests(100_000_000, 1L << 30, "/tmp"))
                .hasMessage("messages: 100000000 requests need about 20027 MB of disk for the embedded broker in /tmp "
                        + "but 1024 MB are free; free space there, point -Djava.io.tmpdir elsewhere or lower --messages");
        assertThatCode(() -> Limits.requireDiskForRequests(1000, 1L << 30, "/tmp")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("whatif keys against the heap")
    void heapForKeys() {
        assertThatThrownBy(() -> Limits.requireHeapForKeys(12_000_000, "key file k.csv", 1L << 30))
                .hasMessage("key file k.csv: 12000000 keys need about 3497 MB of heap but this JVM may use 1024 MB; "
                        + "raise it with HOTKEY_JAVA_OPTS=-Xmx4g or use fewer keys");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run --no-serve --brokers 100                 | run: brokers must be in [1, 9] but got 100",
        "bench --n 1 --brokers 100                    | bench: brokers must be in [1, 9] but got 100",
        "soak --runs 1 --brokers 100                  | soak: brokers must be in [1, 9] but got 100",
        "broker --brokers 100                         | broker: brokers must be in [1, 9] but got 100",
        "run --no-serve --partitions 10000            | run: partitions must be in [1, 9999] but got 10000",
        "broker --partitions 10000                    | broker: partitions must be in [1, 9999] but got 10000",
    })
    @DisplayName("the CLI refuses these in milliseconds, one line, exit 2")
    void cli(String commandLine, String message) {
        String[] args = (commandLine + " --out " + tmp.resolve("out")).split("\\s+");
        if (args[0].equals("soak") || args[0].equals("broker")) {
            args = commandLine.split("\\s+");
        }
        CliRunner.Outcome o = CliRunner.run(args);

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith(message);
        assertThat(o.err().strip()).doesNotContain("\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    @DisplayName("run --partitions 9999 under this process's own file-descriptor limit is refused before the broker starts")
    void partitionsUnderTheRealLimit() {
        long max = Limits.maxFileDescriptors();
        assumeThat(max).as("this test needs a limit below what 9999 partitions take").isBetween(1L, 20_000L);
        CliRunner.Outcome o = CliRunner.run("run", "--no-serve", "--partitions", "9999", "--out",
                tmp.resolve("out").toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith("run: partitions 9999 need about ").contains("(ulimit -n); raise it with 'ulimit -n ");
    }

    @Test
    @DisplayName("whatif with more keys than the heap holds is refused before a key is made (a JVM with -Xmx256m)")
    void whatIfKeysUnderTheRealHeap() throws Exception {
        // The test JVM's own heap (a quarter of the machine's memory) holds 2*10^7 keys, so the command runs in a JVM
        // of its own with a heap that does not: the check must read the real limit, not a constant.
        Path out = tmp.resolve("out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "whatif", "--partitions", "3", "--keys", "zipf:1.0:20000000", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("whatif exits").isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err.strip()).startsWith("whatif: --keys zipf:1.0:20000000: 20000000 keys need about ")
                .contains("this JVM may use 256 MB", "raise it with HOTKEY_JAVA_OPTS=-Xmx").doesNotContain("\n");
        assertThat(err.strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }
}
