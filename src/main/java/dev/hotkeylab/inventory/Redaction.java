package dev.hotkeylab.inventory;

import java.util.regex.Pattern;

/** Keeps passwords out of error messages, which name the URL. */
final class Redaction {

    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^/@:]*):[^/@]*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    private Redaction() {
    }

    static String url(String url) {
        if (url == null) {
            return "null";
        }
        String s = USERINFO_PASSWORD.matcher(url).replaceAll("$1:***@");
        return QUERY_PASSWORD.matcher(s).replaceAll("$1***");
    }

    /** A one-line description of what went wrong, from the deepest cause that says something. */
    static String reason(Throwable t) {
        String best = t.toString();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                best = c.getClass().getSimpleName() + ": " + c.getMessage();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return best.replaceAll("\\s+", " ").trim();
    }
}
