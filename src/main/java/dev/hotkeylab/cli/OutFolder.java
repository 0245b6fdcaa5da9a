package dev.hotkeylab.cli;

import dev.hotkeylab.report.ReportWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out}, the folder a command writes its report or files into ({@code run}, {@code bench}, {@code scan},
 * {@code whatif}), each with its own default; one rule for all of them ({@link dev.hotkeylab.report.ReportFolder}),
 * checked by {@link #requireWritable()} before the command starts.
 */
final class OutFolder {

    /** The default is the initial value, given by the command. */
    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder to write into: a new or empty folder, or one hotkey-lab wrote before "
                    + "(default: ${DEFAULT-VALUE}).")
    Path path;

    /** @param defaultPath the command's default {@code --out} */
    OutFolder(String defaultPath) {
        this.path = Path.of(defaultPath);
    }

    /**
     * Refuses, before a command does any work, a folder it must not replace or cannot write into
     * ({@link ReportWriter#checkWritable}).
     *
     * @throws IllegalArgumentException one line naming the folder and why (exit 2)
     */
    void requireWritable() {
        ReportWriter.checkWritable(path);
    }
}
