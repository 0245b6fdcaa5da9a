package dev.hotkeylab.findings;

import java.util.List;
import java.util.Map;

/**
 * One node of the test tree as the findings page shows it: a class, a nested class, a parameterized container or a
 * test.
 *
 * @param path     display names from the top-level class down to this node (class › nested › test)
 * @param source   the Java class (for classes) or method the node comes from, for readers who want the code
 * @param outcome  how it ended
 * @param reason   why it was skipped or aborted, or the failure's message; empty when it passed
 * @param figures  what it published through {@code TestReporter}, in order, name to value
 * @param files    files it published (charts, screenshots), as paths relative to the page
 * @param children nested nodes in execution order
 */
public record Finding(String id, List<String> path, boolean container, String source, Outcome outcome, String reason,
        List<Map.Entry<String, String>> figures, List<String> files, List<Finding> children) {

    /** How a node ended. */
    public enum Outcome {
        PASSED("✔", "passed"), FAILED("✘", "failed"), SKIPPED("↷", "skipped"), NOT_RUN("·", "not run");

        public final String symbol;
        public final String word;

        Outcome(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }
    }

    public Finding {
        path = List.copyOf(path);
        figures = List.copyOf(figures);
        files = List.copyOf(files);
        children = List.copyOf(children);
    }

    public String name() {
        return path.get(path.size() - 1);
    }

    /** The display path joined the way the page and the console show it. */
    public String displayPath() {
        return String.join(" › ", path);
    }

    /** This node and every node below it, depth first. */
    public java.util.stream.Stream<Finding> flatten() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(this),
                children.stream().flatMap(Finding::flatten));
    }

    /** True when this node or one below published a figure or a file. */
    public boolean hasEvidence() {
        return flatten().anyMatch(f -> !f.figures().isEmpty() || !f.files().isEmpty());
    }
}
