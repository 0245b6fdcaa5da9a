package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The "reproduce with" line repeats what was parsed: every workload option, none dropped, none invented. */
@DisplayName("Reproduce line: built from picocli's parse result")
class ReproduceLineTest {

    @Test
    void runRepeatsEveryWorkloadOptionGiven() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--users", "7", "--salt-buckets", "5", "--adaptive-threshold", "0.3",
                "--group-type", "classic,share", "--strategies", "FIXED_KEY", "--strategies", "ADAPTIVE",
                "--brokers", "3", "--redis", "redis://user:secret@127.0.0.1:6379", "--port", "9999");
        assertThat(run.reproduceCommand()).startsWith("./hotkey-lab run --no-serve ")
                .contains(" --users 7", " --salt-buckets 5", " --adaptive-threshold 0.3",
                        " --group-type classic,share", " --strategies FIXED_KEY,ADAPTIVE", " --brokers 3")
                .doesNotContain("secret", "--redis", "--port", "--inventory");
    }

    @Test
    void runRepeatsDefaultsOfTheWorkloadButNoOptionalOneLeftOut() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs();
        assertThat(run.reproduceCommand()).contains(" --partitions 3", " --messages 1000", " --consumers 3",
                        " --seed 42", " --service-time 5", " --users 100", " --key SUPER_STAR_CONCERT_2026")
                .doesNotContain("--salt-buckets", "--adaptive-threshold", "--strategies", "--brokers");
    }

    @Test
    void benchStartsWithItsCountsAndKeepsNoWarmupWhenGiven() {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs("--n", "1,2", "--messages", "30", "--key", "a b", "--no-warmup");
        // --strategies left out means its default (every salted-key strategy, Strategy.benchDefault()), as for run.
        assertThat(bench.reproduceCommand()).startsWith("./hotkey-lab bench --n 1,2 --messages 30 --key 'a b'")
                .contains(" --users 100", " --no-warmup").doesNotContain("--strategies");
        BenchCommand chosen = new BenchCommand();
        new CommandLine(chosen).parseArgs("--n", "3", "--strategies", "ENTITY_SALT,RANDOM_SALT");
        assertThat(chosen.reproduceCommand()).contains(" --strategies ENTITY_SALT,RANDOM_SALT");
    }
}
