package dev.hotkeylab.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hotkeylab.junit.KafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded brokers listen on the loopback interface only, read from the kernel's socket table. */
@Tag(KafkaTest.TAG)
@DisplayName("Embedded Kafka listens on 127.0.0.1 only, unless told another address")
class EmbeddedKafkaBindTest {

    /** Local addresses (hex, as /proc/net/tcp writes them) of the listening sockets on {@code port}. */
    private static List<String> listening(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (local[1].equals(hexPort) && f[3].equals("0A")) { // 0A = LISTEN
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    @Test
    void loopbackOnly() throws Exception {
        assumeThat(Path.of("/proc/net/tcp")).as("a Linux socket table").exists();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(1)) {
            int port = Integer.parseInt(kafka.bootstrapServers().split(",")[0].split(":")[1]);
            // 127.0.0.1 as /proc/net/tcp writes it, or IPv4-mapped (::ffff:127.0.0.1) in tcp6; the wildcard the test
            // kit bound before would be all zeros.
            assertThat(listening(port)).singleElement()
                    .isIn("0100007F", "0000000000000000FFFF00000100007F");
        }
    }

    @Test
    void anotherAddressWhenAsked() throws Exception {
        assumeThat(Path.of("/proc/net/tcp")).as("a Linux socket table").exists();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(1, Map.of(), "0.0.0.0")) {
            int port = Integer.parseInt(kafka.bootstrapServers().split(",")[0].split(":")[1]);
            assertThat(listening(port)).isNotEmpty().allMatch(a -> a.chars().allMatch(c -> c == '0'));
        }
    }
}
