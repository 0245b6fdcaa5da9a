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

    /**
     * The value as one POSIX shell word that a shell reads back as exactly the value: as is when it holds only safe
     * characters, in single quotes otherwise, and in ANSI-C quotes ({@code $'...'}, bash, zsh, ksh) with
     * {@code \xHH} escapes when it holds control characters, so the printed line never carries a raw control byte.
     */
    public static String shellQuoted(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_.,:/=+@%-]+")) {
            return value;
        }
        if (escaped(value).equals(value)) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
        StringBuilder sb = new StringBuilder("$'");
        value.codePoints().forEach(cp -> {
            if (cp == '\\' || cp == '\'') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7F) {
                sb.append(String.format("\\x%02X", cp));
            } else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('\'').toString();
    }
}
