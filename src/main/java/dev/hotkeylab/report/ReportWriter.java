package dev.hotkeylab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the report folder ({@code results.json}, {@code report.md}, and whatever the other writers add) into a
 * temporary sibling folder and moves it into place only when every file is written, so a failed run never leaves a
 * half-written report behind.
 */
public final class ReportWriter {

    /** One more file of the report, written into the temporary folder before it is moved into place. */
    @FunctionalInterface
    public interface Part {
        void write(RunReport report, Path folder) throws IOException;
    }

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final java.util.List<Part> parts = new java.util.ArrayList<>();
    private final java.util.List<String> carried = new java.util.ArrayList<>();

    /** {@code results.json} and {@code report.md}. */
    public ReportWriter() {
        this(false);
    }

    private ReportWriter(boolean withCharts) {
        parts.add((report, folder) -> JSON.writeValue(folder.resolve(ReportSections.RESULTS_JSON).toFile(), report));
        parts.add((report, folder) -> Files.writeString(folder.resolve("report.md"),
                MarkdownReport.render(report, withCharts)));
        carried.add(ReportSections.BENCH);
        carried.add(ExtraSections.PERF);
        if (withCharts) {
            parts.add(new Charts());
            parts.add(new HtmlReport());
        }
    }

    /**
     * The whole report: {@code results.json}, {@code report.md}, {@code index.html} and the PNG charts. Like every
     * writer it keeps the {@code bench} section of the report it replaces when the new one has none (so {@code run}
     * after {@code bench} keeps the benchmark), and computes the {@code claims} and {@code figures} sections.
     */
    public static ReportWriter complete() {
        return new ReportWriter(true);
    }

    /** Adds a part (charts, HTML) written after the JSON and Markdown. */
    public ReportWriter with(Part part) {
        parts.add(part);
        return this;
    }

    /**
     * Checks up front that {@code out} can be created or replaced, so a long run does not fail at its very end, and
     * that it is a folder a report may replace ({@link ReportFolder#requireReplaceable}). Sweeps the temporary folders
     * a killed writer left next to it.
     */
    public static void checkWritable(Path out) {
        ReportFolder.requireReplaceable(out);
        Path parent = out.toAbsolutePath().normalize().getParent();
        try {
            Files.createDirectories(parent);
            Path probe = Files.createTempDirectory(parent, ".hotkey-probe-");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("output folder '" + out + "' cannot be written: "
                    + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage()));
        }
        ReportFolder.sweep(out);
    }

    /**
     * Writes every part, then swaps the finished folder into {@code out}. Entries of the old folder that its marker
     * does not list as written by hotkey-lab (e.g. a {@code whatif} folder) are moved into the new one, never deleted.
     *
     * @throws IllegalArgumentException when {@code out} is not a folder a report may replace (see
     *                                  {@link ReportFolder#requireReplaceable})
     */
    public Path write(RunReport report, Path out) {
        ReportFolder.requireReplaceable(out);
        Path target = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            ReportFolder.sweep(target);
            // Files.createDirectory (not createTempDirectory, which makes it 0700): the folder follows the umask.
            Path tmp = Files.createDirectory(target.getParent().resolve("." + target.getFileName() + "-tmp-"
                    + Long.toUnsignedString(RANDOM.nextLong(), 36)));
            Thread cleanup = new Thread(() -> deleteQuietly(tmp), "hotkey-report-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                ReportFolder.own(tmp);
                RunReport full = ReportSections.derive(Artifacts.carry(carryOver(report, target), target, tmp));
                for (Part part : parts) {
                    part.write(full, tmp);
                }
                Files.delete(tmp.resolve(ReportFolder.OWNER));
                ReportFolder.mark(tmp);
                if (Files.exists(target)) {
                    java.util.Set<String> ours = ReportFolder.written(target);
                    try (Stream<Path> entries = Files.list(target)) {
                        for (Path entry : entries.toList()) {
                            String name = entry.getFileName().toString();
                            if (!ours.contains(name) && !Files.exists(tmp.resolve(name))) {
                                Files.move(entry, tmp.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                            }
                        }
                    }
                    Path old = target.getParent().resolve("." + target.getFileName() + "-old-"
                            + Long.toUnsignedString(RANDOM.nextLong(), 36));
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    ReportFolder.own(old);
                    deleteTree(old);
                } else {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return target;
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                throw e;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running and removes what is left of the temporary folder.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + target + ": " + e.getMessage(), e);
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            // Swept at the next start (ReportFolder.sweep).
        }
    }

    /**
     * Sections the old report in {@code target} has and the new one lacks. Each is read on its own, so an old file
     * whose experiments this version cannot read still passes its benchmark on; one that cannot be read at all is about
     * to be replaced anyway, so it carries nothing rather than failing the run at its end.
     */
    private RunReport carryOver(RunReport report, Path target) {
        RunReport result = report;
        for (String name : carried) {
            if (report.sections().containsKey(name)) {
                continue;
            }
            Optional<Object> old = ReportSections.section(target, name);
            if (old.isPresent()) {
                RunReport candidate = result.withSection(name, old.get());
                try {
                    ReportSections.bench(candidate);
                    result = candidate;
                } catch (IllegalArgumentException e) {
                    // Not a benchmark this version understands: left behind.
                }
            }
        }
        return result;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
