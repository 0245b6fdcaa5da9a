package dev.hotkeylab.findings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects every test of a {@code mvn test} run (its display path, outcome, skip reason, and the figures and files it
 * published through {@code TestReporter}) and, when the run ends, writes {@code findings.html}, {@code findings.md}
 * and {@code findings.json} into the report folder ({@code hotkey.report.dir}, default {@code target/hotkey-report}),
 * with published files under {@code findings-files/}. Nothing else in the folder is touched: {@code ./hotkey-lab run}
 * writes its report there too, and the two pages link to each other.
 *
 * <p>Registered once for the test classpath through {@code META-INF/services}, so it never ships in the jar. Skip
 * reasons are also printed to the console at the end, because the tree reporter shows only a mark.
 */
public final class FindingsListener implements TestExecutionListener {

    /** Where a run without the Maven property writes (the same default as the report). */
    static final String DEFAULT_DIR = "target/hotkey-report";
    static final String FILES = "findings-files";

    private final PrintStream console;
    private final Path dir;
    private volatile TestPlan plan;
    private volatile Instant started;
    private final Map<String, Finding.Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    private final Map<String, List<Map.Entry<String, String>>> figures = new ConcurrentHashMap<>();
    private final Map<String, List<FileEntry>> files = new ConcurrentHashMap<>();

    public FindingsListener() {
        this(System.out, Path.of(System.getProperty("hotkey.report.dir", DEFAULT_DIR)));
    }

    FindingsListener(PrintStream console, Path dir) {
        this.console = console;
        this.dir = dir;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        started = Instant.now();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        outcomes.put(test.getUniqueId(), Finding.Outcome.SKIPPED);
        reasons.put(test.getUniqueId(), reason == null ? "" : reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Finding.Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Finding.Outcome.PASSED;
            case ABORTED -> Finding.Outcome.SKIPPED;
            case FAILED -> Finding.Outcome.FAILED;
        };
        outcomes.put(test.getUniqueId(), outcome);
        result.getThrowable().ifPresent(t -> reasons.put(test.getUniqueId(), firstLine(t)));
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        figures.computeIfAbsent(test.getUniqueId(), k -> new CopyOnWriteArrayList<>())
                .addAll(entry.getKeyValuePairs().entrySet());
    }

    @Override
    public void fileEntryPublished(TestIdentifier test, FileEntry file) {
        files.computeIfAbsent(test.getUniqueId(), k -> new CopyOnWriteArrayList<>()).add(file);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            Files.createDirectories(dir);
            List<Finding> classes = tree(testPlan, dir);
            FindingsPage page = new FindingsPage(classes, started, Instant.now());
            write(dir.resolve(FindingsPage.HTML), page.html());
            write(dir.resolve(FindingsPage.MARKDOWN), page.markdown());
            write(dir.resolve(FindingsPage.JSON), page.json());
            printSkips(classes);
            console.println("Findings: " + dir.resolve(FindingsPage.HTML).toAbsolutePath() + " (and "
                    + FindingsPage.MARKDOWN + ")");
        } catch (IOException | RuntimeException e) {
            // The launcher would only log a listener's exception where nobody reads it: say it on the console.
            console.println("Findings not written into " + dir + ": " + e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The top-level classes with everything below them, in execution order (the engine roots are left out). */
    List<Finding> tree(TestPlan testPlan, Path dir) throws IOException {
        List<Finding> out = new ArrayList<>();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier top : testPlan.getChildren(root)) {
                out.add(node(testPlan, top, List.of(), dir, null));
            }
        }
        return out;
    }

    private Finding node(TestPlan testPlan, TestIdentifier id, List<String> parentPath, Path dir,
            String inheritedSkip) throws IOException {
        List<String> path = new ArrayList<>(parentPath);
        // A nested class's generated name starts with its enclosing class's (for the console); the path has it once.
        String name = id.getDisplayName();
        String parentName = parentPath.isEmpty() ? "" : parentPath.get(parentPath.size() - 1) + ReadableNames.SEPARATOR;
        path.add(!parentName.isEmpty() && name.startsWith(parentName) && name.length() > parentName.length()
                ? name.substring(parentName.length()) : name);
        String key = id.getUniqueId();
        Finding.Outcome outcome = outcomes.get(key);
        String reason = reasons.getOrDefault(key, "");
        if (outcome == null && inheritedSkip != null) {
            outcome = Finding.Outcome.SKIPPED;
            reason = inheritedSkip;
        }
        if (outcome == null) {
            outcome = Finding.Outcome.NOT_RUN;
        }
        String skipBelow = outcome == Finding.Outcome.SKIPPED ? reason : inheritedSkip;
        List<Finding> children = new ArrayList<>();
        for (TestIdentifier child : testPlan.getChildren(id)) {
            children.add(node(testPlan, child, path, dir, skipBelow));
        }
        List<String> copied = new ArrayList<>();
        for (FileEntry file : files.getOrDefault(key, List.of())) {
            copied.add(copy(file, fileStem(id), dir));
        }
        return new Finding(key, path, id.isContainer(), source(id.getSource()), outcome, reason,
                figures.getOrDefault(key, List.of()), copied, children);
    }

    /**
     * {@code Class-method} for a test's files, with the invocation's number for a parameterized one (the unique id's
     * last segment, e.g. {@code [test-template-invocation:#2]}).
     */
    private static String fileStem(TestIdentifier id) {
        String stem = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "-" + m.getMethodName())
                .orElse(Integer.toHexString(id.getUniqueId().hashCode()));
        java.util.regex.Matcher invocation = java.util.regex.Pattern.compile("#(\\d+)\\]$").matcher(id.getUniqueId());
        return invocation.find() ? stem + "-" + invocation.group(1) : stem;
    }

    /** Copies a published file next to the page as {@code STEM-NAME}, and returns its link. */
    private static String copy(FileEntry file, String stem, Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(FILES));
        String name = (stem + "-" + file.getPath().getFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
        Files.copy(file.getPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        return FILES + "/" + name;
    }

    private static String source(Optional<TestSource> source) {
        if (source.isEmpty()) {
            return "";
        }
        if (source.get() instanceof MethodSource m) {
            return m.getClassName() + "#" + m.getMethodName();
        }
        if (source.get() instanceof ClassSource c) {
            return c.getClassName();
        }
        return source.get().toString();
    }

    private void printSkips(List<Finding> classes) {
        List<Finding> skipped = classes.stream().flatMap(Finding::flatten)
                .filter(f -> f.outcome() == Finding.Outcome.SKIPPED && !f.reason().isEmpty())
                // A skipped class says it once; its tests inherit the reason.
                .filter(f -> classes.stream().flatMap(Finding::flatten).noneMatch(parent -> parent != f
                        && parent.outcome() == Finding.Outcome.SKIPPED && parent.children().contains(f)))
                .toList();
        if (skipped.isEmpty()) {
            return;
        }
        console.println();
        console.println("Skipped, and why:");
        for (Finding f : skipped) {
            console.println("  ↷ " + f.displayPath() + ": " + f.reason());
        }
    }

    /** Writes through a temporary file, so a reader never sees half a page. */
    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
