package dev.hotkeylab.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded brokers' folders in {@code java.io.tmpdir}: {@value EmbeddedKafka#DIR_PREFIX}{@code <pid>-<random>}, one
 * per cluster, deleted when the cluster closes. A process killed before it could delete its folder leaves it behind;
 * the next start removes it once that process is gone.
 */
final class BrokerFolders {

    private BrokerFolders() {
    }

    /** Removes broker folders left by processes that are gone (killed before they could delete them). */
    static int sweepLeftovers() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        int removed = 0;
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(EmbeddedKafka.DIR_PREFIX) || !Files.isDirectory(p)) {
                    continue;
                }
                String[] parts = name.substring(EmbeddedKafka.DIR_PREFIX.length()).split("-", 2);
                long pid;
                try {
                    pid = Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                    deleteQuietly(p);
                    removed += Files.exists(p) ? 0 : 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: tried again at the next start.
        }
        return removed;
    }

    static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // Swept at the next start.
        }
    }

}
