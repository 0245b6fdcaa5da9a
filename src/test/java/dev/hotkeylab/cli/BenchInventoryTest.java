package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bench --inventory}: reservations per second per store, no broker needed. */
@org.junit.jupiter.api.DisplayName("./hotkey-lab bench --inventory: reservations per second per store")
class BenchInventoryTest {

    @Test
    void printsARowPerStoreWithWhatItSold() {
        CliRunner.Outcome o = CliRunner.run("bench", "--inventory", "in-memory,redis-lua", "--requests", "3000", "--capacity",
                    "100", "--threads", "4");
        int code = o.exitCode();
        String out = o.out();
        assertThat(code).isZero();
        assertThat(out).contains("one hot concert, 4 threads, 3000 requests, capacity 100");
        // store, threads, requests, capacity, sold, oversold: the atomic in-memory store sells exactly the capacity.
        assertThat(out).containsPattern("(?m)^in-memory\\s+4\\s+3000\\s+100\\s+100\\s+0\\s");
        assertThat(out).containsPattern("(?m)^redis-lua\\s");
    }

    @Test
    void anUnknownStoreIsOneLineExitTwo() {
        CliRunner.Outcome o = CliRunner.run("bench", "--inventory", "mongo");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("unknown inventory store 'mongo'");
    }
}
