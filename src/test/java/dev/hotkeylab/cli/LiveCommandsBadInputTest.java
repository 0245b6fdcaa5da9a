package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.keys.Strategy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dashboard, produce, consume (and scan, run where the same): bad input and a cluster that does not answer at the start are one line, exit 2. */
@DisplayName("dashboard, produce, consume commands: bad input and unreachable clusters (no broker)")
class LiveCommandsBadInputTest {

    static final String NOBODY = "127.0.0.1:1";

    @Test
    @DisplayName("dashboard on a taken port: one line naming the port, exit 2")
    void portTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            CliRunner.Outcome o = CliRunner.run("dashboard", "--bootstrap", NOBODY, "--topic", "t", "--port", Integer.toString(port));

            assertThat(o.exitCode()).isEqualTo(2);
            assertThat(o.err()).isEqualTo("dashboard: cannot start the dashboard: port " + port
                    + " on 127.0.0.1 is already in use; choose another with --port" + System.lineSeparator());
        }
    }

    @Test
    @DisplayName("dashboard against a cluster that does not answer: one line naming it, exit 2")
    void unreachable() {
        CliRunner.Outcome o = CliRunner.run("dashboard", "--bootstrap", NOBODY, "--topic", "t", "--port", "0",
                "--connect-timeout-ms", "1000");

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("dashboard: cannot reach Kafka at " + NOBODY + " within 1 s" + System.lineSeparator());
    }

    @Test
    @DisplayName("produce with an unknown strategy lists the allowed ones, exit 2")
    void unknownStrategy() {
        CliRunner.Outcome o = CliRunner.run("produce", "--strategy", "HOT", "--bootstrap", NOBODY, "--topic", "t",
                "--messages", "10");

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("produce: Invalid value for option '--strategy': unknown strategy 'HOT'; allowed: " + Strategy.allowedNames()
                + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "dashboard --bootstrap 127.0.0.1:1 --topic t --port 70000                          | dashboard: port must be in [0, 65535] but got 70000",
        "dashboard --bootstrap 127.0.0.1:1 --topic t --host ' '                            | dashboard: host must be a non-blank address but got \" \"",
        "dashboard --bootstrap nohost --topic t --port 0                                   | dashboard: bad bootstrap address 'nohost': ",
        "produce --strategy FIXED_KEY --bootstrap 127.0.0.1:1 --topic t --messages 0       | produce: messages must be >= 1 but got 0",
        "produce --strategy FIXED_KEY --bootstrap 127.0.0.1:1 --topic t --messages 5 --key ' ' | produce: key must be a non-blank string but got \" \"",
        "produce --strategy FIXED_KEY --bootstrap 127.0.0.1:1 --topic t --messages 5 --connect-timeout-ms 0 | produce: --connect-timeout-ms must be >= 100 but got 0",
        "produce --strategy FIXED_KEY --bootstrap 127.0.0.1:1 --topic t --messages 5 --partitions 0 | produce: partitions must be in [1, 9999] but got 0",
        "consume --bootstrap 127.0.0.1:1 --topic t --group g --service-time -1             | consume: service time must be >= 0 ms but got -1",
        "consume --bootstrap 127.0.0.1:1 --topic t --group g --group-type queue            | consume: group type must be one of classic, share but got 'queue'",
        "consume --bootstrap 127.0.0.1:1 --topic t                                         | consume: Missing required option: '--group=GROUP'",
        "produce --strategy FIXED_KEY --bootstrap nosuchhost.invalid:9092 --topic t --messages 5 | produce: bad bootstrap address 'nosuchhost.invalid:9092': host nosuchhost.invalid cannot be resolved (no such host name)",
        "run --no-serve --bootstrap nosuchhost.invalid:9092 --out target/i12-unresolvable/run | run: bad bootstrap address 'nosuchhost.invalid:9092': host nosuchhost.invalid cannot be resolved (no such host name)",
    })
    @DisplayName("bad input is one line and exit 2")
    void badInput(String commandLine, String error) {
        CliRunner.Outcome o = CliRunner.run(split(commandLine));

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith(error).endsWith(System.lineSeparator());
        assertThat(o.err().strip()).doesNotContain("\n");
    }

    @ParameterizedTest(name = "--rate {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "-1    | rate must be in [0, 10000000] records/s but got -1",
        "2e7   | rate must be in [0, 10000000] records/s but got 2e7",
        "-0.50 | rate must be in [0, 10000000] records/s but got -0.50",
        "NaN   | rate must be in [0, 10000000] records/s but got NaN",
        "fast  | rate must be a number in [0, 10000000] records/s but got 'fast'",
    })
    @DisplayName("produce --rate out of range or no number: one line naming the value as typed and the range, exit 2")
    void produceRateAsTyped(String rate, String error) {
        CliRunner.Outcome o = CliRunner.run("produce", "--strategy", "FIXED_KEY", "--bootstrap", NOBODY, "--topic", "t",
                "--messages", "5", "--rate", rate);

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("produce: " + error + System.lineSeparator());
    }

    @Test
    @DisplayName("produce and consume against a cluster that does not answer: one line, exit 2")
    void produceConsumeUnreachable() {
        CliRunner.Outcome p = CliRunner.run("produce", "--strategy", "FIXED_KEY", "--bootstrap", NOBODY, "--topic", "t",
                "--messages", "5", "--connect-timeout-ms", "1000");
        CliRunner.Outcome c = CliRunner.run("consume", "--bootstrap", NOBODY, "--topic", "t", "--group", "g",
                "--connect-timeout-ms", "1000");

        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.err()).isEqualTo("produce: cannot reach Kafka at " + NOBODY + " within 1 s" + System.lineSeparator());
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("consume: cannot reach Kafka at " + NOBODY + " within 1 s" + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run --no-serve --bootstrap 127.0.0.1:1 --out target/i12-unreachable/run",
        "bench --n 1 --bootstrap 127.0.0.1:1 --out target/i12-unreachable/bench",
        "soak --runs 1 --bootstrap 127.0.0.1:1",
        "dashboard --bootstrap 127.0.0.1:1 --topic t --port 0 --connect-timeout-ms 1000",
        "produce --strategy FIXED_KEY --bootstrap 127.0.0.1:1 --topic t --messages 5 --connect-timeout-ms 1000",
        "consume --bootstrap 127.0.0.1:1 --topic t --group g --connect-timeout-ms 1000",
        "scan --bootstrap 127.0.0.1:1 --topic t --timeout 1s --out target/i12-unreachable/scan",
    })
    @DisplayName("a cluster that does not answer at the start is the same exit code, 2, in every command")
    void unreachableIsTheSameExitCodeEverywhere(String commandLine) {
        String[] args = split(commandLine);
        CliRunner.Outcome o = CliRunner.run(args);

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith(args[0] + ": ").contains(NOBODY).doesNotContain("failed");
        assertThat(o.err().strip()).doesNotContain("\n");
    }

    @Test
    @DisplayName("the start check waits 5 s unless the timeout option is given; a shorter option wins")
    void startTimeout() {
        java.time.Duration ten = java.time.Duration.ofSeconds(10);
        assertThat(KafkaChecks.startTimeout(ten, false)).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(KafkaChecks.startTimeout(ten, true)).isEqualTo(ten);
        assertThat(KafkaChecks.startTimeout(java.time.Duration.ofSeconds(1), false)).isEqualTo(java.time.Duration.ofSeconds(1));
    }

    private static String[] split(String commandLine) {
        // Arguments in single quotes may contain spaces; nothing else here needs quoting.
        java.util.List<String> args = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(commandLine.trim());
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args.toArray(String[]::new);
    }
}
