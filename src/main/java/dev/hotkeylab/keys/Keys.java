package dev.hotkeylab.keys;

/**
 * The rules every command and API applies to a record key given by a user, with one message each, and the key's
 * printable form for terminals and Markdown.
 */
public final class Keys {

    private Keys() {
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

    /** The value as one POSIX shell word: as is when it holds only safe characters, else in single quotes. */
    public static String shellQuoted(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_.,:/=+@%-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
