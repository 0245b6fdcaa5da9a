package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import org.junit.jupiter.api.Test;

/** Two soak runs (the 10-minute soak is run by hand: ./hotkey-lab soak --minutes 10). */
@KafkaTest
@org.junit.jupiter.api.DisplayName("./hotkey-lab soak: two short soak runs")
class SoakCommandTest {

    @Test
    void twoRunsWithACrashEachKeepEveryInvariant(KafkaBackend kafka) {
        CliRunner.Outcome o = CliRunner.run("soak", "--runs", "2", "--minutes", "5", "--bootstrap", kafka.bootstrapServers());
        int code = o.exitCode();
        String out = o.out();
        assertThat(code).isZero();
        assertThat(out).contains("run 1: crashed member", "run 2: crashed member")
                .contains("soak passed: 2 runs, 2000 requests");
    }

    @Test
    void refusesANaiveStore() {
        CliRunner.Outcome o = CliRunner.run("soak", "--inventory", "naive-redis");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("soak needs an idempotent store").contains("naive-redis");
    }
}
