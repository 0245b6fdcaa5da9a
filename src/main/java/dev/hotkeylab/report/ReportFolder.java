package dev.hotkeylab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a report writer may replace, and how it recognises its own leftovers. A report folder carries a marker file
 * ({@value #MARKER}) that lists the entries the writer put there; {@code --out} replaces only a folder that is empty,
 * carries the marker, or holds nothing but names hotkey-lab writes (a report from before the marker, the files other
 * hotkey-lab tools drop there, a {@code whatif} folder). Anything else is refused before a run starts, so a tool never
 * deletes what it did not write. Entries the marker does not list (another command's {@code whatif} folder) are moved
 * into the new report, not deleted.
 */
public final class ReportFolder {

    /** The marker file: its first line names the tool, the following lines the entries the writer wrote. */
    public static final String MARKER = ".hotkey-lab-report";

    private static final String MARKER_HEADER = "hotkey-lab report folder; entries written by hotkey-lab:";

    /** Names hotkey-lab writes into a report folder (its own files and those of the tools it carries along). */
    static final Set<String> KNOWN = Set.of(MARKER, ReportSections.RESULTS_JSON, "report.md", HtmlReport.FILE,
            "charts", "whatif", "scan", "dashboard.png", "clients.json", "parallel-consumer.json", "jmh-results.json",
            // the marker scan wrote into its folder before it marked it with this one
            ".hotkey-lab-scan",
            // whatif's files, in a whatif folder written before whatif marked it
            "whatif.json", "whatif.png",
            // the findings page that `mvn test` writes beside the run report
            "findings.html", "findings.md", "findings.json", "findings-files");

    /** Crash leftovers without a living owner older than this are swept even when their owner is unknown. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    static final String OWNER = ".owner-pid";

    private ReportFolder() {
    }

    /**
     * Refuses, before anything is written, an {@code out} that a report must not replace: a filesystem root, the home
     * folder, the working folder or one of its parents, an unexpanded {@code ~}, a file, or a folder holding anything
     * hotkey-lab did not write.
     *
     * @throws IllegalArgumentException one line naming the folder and why
     */
    public static void requireReplaceable(Path out) {
        String given = out.toString();
        if (given.startsWith("~")) {
            throw refuse(out, "'~' was not expanded by a shell; give the folder's full path");
        }
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw refuse(out, "it is a filesystem root");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && target.equals(Path.of(home).toAbsolutePath().normalize())) {
            throw refuse(out, "it is the home folder");
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.startsWith(target)) {
            throw refuse(out, "it is the working folder or one of its parents");
        }
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("output folder '" + out + "' is a file; expected a folder");
        }
        List<String> foreign = foreignEntries(target);
        if (!foreign.isEmpty()) {
            throw refuse(out, "it holds files hotkey-lab did not write (" + describe(foreign)
                    + "); choose an empty or new folder");
        }
    }

    private static IllegalArgumentException refuse(Path out, String why) {
        return new IllegalArgumentException("output folder '" + out + "' is refused: " + why);
    }

    private static String describe(List<String> names) {
        List<String> shown = names.stream().sorted().limit(3).toList();
        return String.join(", ", shown) + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
    }

    /** Entries of an existing folder that neither the marker lists nor hotkey-lab writes by name. */
    static List<String> foreignEntries(Path folder) {
        Set<String> ours = written(folder);
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> !ours.contains(name) && !KNOWN.contains(name))
                    .forEach(foreign::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list output folder '" + folder + "': " + e.getMessage(), e);
        }
        return foreign;
    }

    /** The entries the marker of {@code folder} lists as written by hotkey-lab (empty without a marker). */
    static Set<String> written(Path folder) {
        Path marker = folder.resolve(MARKER);
        Set<String> names = new LinkedHashSet<>();
        if (!Files.isRegularFile(marker)) {
            return names;
        }
        try {
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).equals(MARKER_HEADER)) {
                lines.stream().skip(1).filter(l -> !l.isBlank() && !l.contains("/")).forEach(names::add);
            }
        } catch (IOException e) {
            // An unreadable marker lists nothing: only the known names count as ours.
        }
        names.add(MARKER);
        return names;
    }

    /** Writes the marker into {@code folder}, listing every entry it holds now ({@code scan} marks its folder too). */
    public static void mark(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(MARKER_HEADER);
        try (Stream<Path> entries = Files.list(folder)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MARKER) && !n.equals(OWNER)).sorted()
                    .forEach(lines::add);
        }
        Files.write(folder.resolve(MARKER), lines, StandardCharsets.UTF_8);
    }

    /** Records this process as the owner of a temporary folder, so a later start can tell a crash leftover. */
    static void own(Path temporary) throws IOException {
        Files.writeString(temporary.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
    }

    /**
     * Removes the temporary folders a killed writer left next to {@code target} ({@code .<name>-tmp-*},
     * {@code .<name>-old-*}): those whose owning process is gone, or, without an owner, older than {@link #ORPHAN_AGE}.
     * Returns how many were removed.
     */
    public static int sweep(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null || !Files.isDirectory(parent)) {
            return 0;
        }
        String name = absolute.getFileName().toString();
        int removed = 0;
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                String n = p.getFileName().toString();
                boolean ours = n.startsWith("." + name + "-tmp-") || n.startsWith("." + name + "-old-");
                if (ours && Files.isDirectory(p) && orphaned(p)) {
                    ReportWriter.deleteTree(p);
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Sweeping is best effort: a leftover that cannot be removed now is tried again at the next start.
        }
        return removed;
    }

    private static boolean orphaned(Path temporary) throws IOException {
        Path owner = temporary.resolve(OWNER);
        if (Files.isRegularFile(owner)) {
            try {
                long pid = Long.parseLong(Files.readString(owner).strip());
                return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                return true;
            }
        }
        FileTime modified = Files.getLastModifiedTime(temporary);
        return modified.toInstant().isBefore(Instant.now().minus(ORPHAN_AGE));
    }
}
