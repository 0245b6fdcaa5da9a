package dev.hotkeylab.keys;

import dev.hotkeylab.keys.base.KeyText;

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
        return KeyText.requireValid(key);
    }

    /** The key with control characters written as Java escapes; see {@link KeyText#escaped}. */
    public static String escaped(String key) {
        return KeyText.escaped(key);
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
