package dev.hotkeylab.report;

/**
 * Escaping for {@code index.html}. Every string that comes from a run (keys, strategy names, client ids, commands) goes
 * through {@link #escape} before it reaches the page: a key is user input ({@code --key}), and a report opened in a
 * browser must not run it. The five characters below are the complete set for element content and quoted attributes.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
