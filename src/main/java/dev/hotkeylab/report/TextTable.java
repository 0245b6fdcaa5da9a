package dev.hotkeylab.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A table of strings rendered three ways from the same cells, so the terminal, {@code report.md} and
 * {@code index.html} never disagree: aligned text, GitHub Markdown (pipes escaped) and HTML (every cell escaped).
 * Built either at once from rows or row by row ({@code new TextTable("a", "b").row("1", "2")}).
 */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable(List<String> header, List<List<String>> rows) {
        this(header.toArray(String[]::new));
        rows.forEach(r -> row(r.toArray(String[]::new)));
    }

    public TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row must have " + header.size() + " cells but got " + cells.length);
        }
        // Control characters of a key (ESC, BEL) written as escapes: the terminal and report.md show, never obey them.
        rows.add(java.util.Arrays.stream(cells).map(dev.hotkeylab.keys.Keys::escaped).toList());
        return this;
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Aligned columns for the terminal, with no trailing blanks. */
    public String toText() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", r.get(i)));
                if (i < r.size() - 1) {
                    line.append("   ");
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** A GitHub-flavoured Markdown table. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(mdRow(header));
        out.append("|").append(" --- |".repeat(header.size())).append("\n");
        rows.forEach(r -> out.append(mdRow(r)));
        return out.toString();
    }

    private static String mdRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(Markdown::cell).toList()) + " |\n";
    }

    /** An HTML {@code <table>}; {@code cssClass} is a fixed class name chosen by the caller, not data. */
    public String toHtml(String cssClass) {
        StringBuilder out = new StringBuilder();
        out.append("<div class=\"scroll\"><table class=\"").append(Html.escape(cssClass)).append("\">\n<thead><tr>");
        header.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            out.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                out.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(Html.escape(r.get(i)))
                        .append(i == 0 ? "</th>" : "</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
        return out.toString();
    }
}
