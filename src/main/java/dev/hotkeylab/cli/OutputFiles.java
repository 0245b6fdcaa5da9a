package dev.hotkeylab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How {@code scan} and {@code whatif} put their files into {@code --out}: all are written into a temporary sibling
 * folder first and moved into place only once every one is written, so a failure leaves no half-written file.
 * Other entries of {@code --out} are left as they are.
 */
final class OutputFiles {

    /** Writes the files into the folder it is given (a temporary one). */
    @FunctionalInterface
    interface Writer {
        void write(Path folder) throws IOException;
    }

    private OutputFiles() {
    }

    /**
     * @param prefix the temporary folder's name starts with it, e.g. {@code .scan-}
     * @return the names written, sorted, as moved into {@code out}
     */
    static List<Path> write(Path out, String prefix, Writer files) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), prefix);
        try {
            files.write(temp);
            Files.createDirectories(target);
            List<Path> names = new ArrayList<>();
            try (Stream<Path> written = Files.list(temp)) {
                for (Path file : written.sorted().toList()) {
                    Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    names.add(file.getFileName());
                }
            }
            return names;
        } finally {
            try (Stream<Path> left = Files.walk(temp)) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
