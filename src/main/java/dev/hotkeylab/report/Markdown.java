package dev.hotkeylab.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown quoting for values from a run: a key with a backtick or a pipe must not break the document, and a control
 * character (ESC, BEL) is written as an escape ({@link dev.hotkeylab.keys.Keys#escaped}) so that {@code cat report.md}
 * cannot drive the terminal.
 */
public final class Markdown {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {
    }

    /** An inline code span holding {@code text} verbatim, fenced with more backticks than it contains. */
    public static String code(String raw) {
        String text = dev.hotkeylab.keys.Keys.escaped(raw);
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`");
        return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
    }

    /** A table cell: pipes escaped, line breaks flattened. */
    public static String cell(String raw) {
        String text = dev.hotkeylab.keys.Keys.escaped(raw.replace("\r", " ").replace("\n", " "));
        return text.replace("|", "\\|");
    }

    /** Plain text where Markdown or inline HTML could be mistaken for markup. */
    public static String text(String raw) {
        String text = dev.hotkeylab.keys.Keys.escaped(raw);
        return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*")
                .replace("_", "\\_").replace("`", "\\`").replace("[", "\\[").replace("]", "\\]");
    }
}
