package dev.hotkeylab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's code snippets come from compiled, tested files (mostly the example project under {@code examples/}),
 * never typed by hand. In the README a snippet is a fenced block right after a marker line
 * {@code <!-- snippet: PATH#TAG -->}; in the source file it is the lines between {@code tag::TAG[]} and
 * {@code end::TAG[]} (marker lines excluded, common indentation removed). {@link ReadmeSnippetsTest} checks that the
 * README matches; to refresh the README after changing a source, run with the JDK alone (no build needed):
 *
 * <pre>
 * java src/test/java/dev/hotkeylab/ReadmeSnippets.java
 * </pre>
 */
public final class ReadmeSnippets {

    /** {@code <!-- snippet: examples/pom.xml#dependency -->}, then a fenced block with its language. */
    static final Pattern SNIPPET = Pattern.compile("(<!-- snippet: ([^#\\s]+)#([\\w-]+) -->\\n```(\\w*)\\n)(.*?)(^```)",
            Pattern.DOTALL | Pattern.MULTILINE);

    private ReadmeSnippets() {
    }

    /** One snippet the README names: where from, and the text its source holds now. */
    public record Snippet(String path, String tag, String inReadme, String inSource) {
    }

    /** Every snippet the README names, in order. */
    public static List<Snippet> snippets(Path root, String readme) throws IOException {
        List<Snippet> out = new ArrayList<>();
        Matcher m = SNIPPET.matcher(readme);
        while (m.find()) {
            out.add(new Snippet(m.group(2), m.group(3), m.group(5).stripTrailing(),
                    region(root.resolve(m.group(2)), m.group(3))));
        }
        return out;
    }

    /** The README with every snippet replaced by its source's current text. */
    public static String render(Path root, String readme) throws IOException {
        Matcher m = SNIPPET.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = region(root.resolve(m.group(2)), m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + text + "\n" + m.group(6)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The lines between {@code tag::TAG[]} and {@code end::TAG[]} in {@code file}, without their common indent. */
    public static String region(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]")) {
                start = i;
            } else if (lines.get(i).contains("end::" + tag + "[]")) {
                end = i;
            }
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("no tag::" + tag + "[] ... end::" + tag + "[] region in " + file);
        }
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    /** Rewrites README.md (in the working directory) from its sources and says how many snippets changed. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path readme = root.resolve("README.md");
        String before = Files.readString(readme, StandardCharsets.UTF_8);
        long stale = snippets(root, before).stream().filter(s -> !s.inReadme().equals(s.inSource())).count();
        Files.writeString(readme, render(root, before), StandardCharsets.UTF_8);
        System.out.println("README.md: " + stale + " snippet(s) refreshed");
    }
}
