package dev.hotkeylab.keys.base;

/**
 * A record key's one validity rule and its printable form. Lives below both {@code dev.hotkeylab.keys} (whose
 * {@code Keys} keeps the same methods for commands and APIs) and {@code dev.hotkeylab.keys.adaptive}, so that the
 * partition-aware salts both use need neither of them.
 */
public final class KeyText {

    private KeyText() {
    }

    /**
     * Refuses a null, empty or blank key (only whitespace) with one message, the same in every command and API.
     *
     * @throws IllegalArgumentException {@code key must be a non-blank string but got "..."} (the value escaped)
     */
    public static String requireValid(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must be a non-blank string but got "
                    + (key == null ? "null" : "\"" + escaped(key) + "\""));
        }
        return key;
    }

    /**
     * The key with control characters (C0, DEL, C1, and the line and paragraph separators) written as Java escapes
     * ({@code \n}, {@code \t}, {@code \u001B}), so that printing it cannot move the cursor,
     * ring the bell or start a terminal escape sequence. Printable text, including non-ASCII letters, is unchanged.
     */
    public static String escaped(String key) {
        if (key == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04X", (int) c) : null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(key.length() + 16).append(key, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? key : sb.toString();
    }
}
