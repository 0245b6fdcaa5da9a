package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a new user reads first: help texts, an unknown command, a bad number echoed as typed (no broker). */
@DisplayName("Help texts and first mistakes: one spelling per client, no doubled synopsis, commands listed")
class HelpTextTest {

    @Test
    @DisplayName("whatif --help lists each client once, in the spelling the output uses; both spellings are accepted")
    void whatifClients() {
        CliRunner.Outcome help = CliRunner.run("whatif", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("librdkafka-murmur2-random", "librdkafka-fnv1a-random")
                .doesNotContain("murmur2_random,", "fnv1a_random,")
                .contains("--partitions=P Partitions of the topic, 1 to 100000.");
        CliRunner.Outcome underscore = CliRunner.run("whatif", "--partitions", "3", "--keys", "zipf:1.0:10",
                "--client", "librdkafka-murmur2_random", "--out", "target/help-text-test/whatif");
        assertThat(underscore.exitCode()).as(underscore.err()).isZero();
    }

    @Test
    @DisplayName("run --help: the split options show T[,T...] once, not [,T[,T...]...]")
    void runSynopsis() {
        String text = CliRunner.run("run", "--help").out().replaceAll("\\s+", "");
        assertThat(text).contains("[--group-type=T[,T...]]...", "[--inventory=STORE[,STORE...]]...",
                "[--strategies=S[,S...]]...").doesNotContain("[,T[,T...]...]", "[,STORE[,STORE...]...]");
    }

    @Test
    @DisplayName("consume --help: --group is described, --topic says what each command does with a missing topic")
    void consumeOptions() {
        String text = CliRunner.run("consume", "--help").out().replaceAll("\\s+", " ");
        assertThat(text).contains("--group=GROUP The consumer group this consumer joins")
                .contains("--topic=TOPIC The topic: produce creates it when it does not exist, consume and dashboard "
                        + "wait for it");
    }

    @Test
    @DisplayName("an unknown command lists the commands, exit 2, one line")
    void unknownCommand() {
        CliRunner.Outcome o = CliRunner.run("frobnicate");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("hotkey-lab: Unmatched argument at index 0: 'frobnicate'; commands: "
                + "run, bench, broker, dashboard, produce, consume, whatif, scan, soak, help (hotkey-lab help COMMAND)");
    }

    @Test
    @DisplayName("an integer service time is echoed as typed (-1, not -1.0)")
    void serviceTimeEcho() {
        CliRunner.Outcome run = CliRunner.run("run", "--no-serve", "--service-time", "-1", "--out",
                "target/help-text-test/run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("run: service time must be in [0, 10000] ms but got -1");
        CliRunner.Outcome bench = CliRunner.run("bench", "--service-time", "-2.5", "--out", "target/help-text-test/b");
        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err().strip()).isEqualTo("bench: service time must be in [0, 10000] ms but got -2.5");
    }
}
