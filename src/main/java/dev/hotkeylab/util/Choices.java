package dev.hotkeylab.util;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one rule by which a command line, the dashboard form and a results file name a constant of a closed set (a
 * strategy, a group type, a backend, an inventory store, a client model): case-insensitive, surrounding blanks
 * ignored, {@code -} and {@code _} alike. Each set keeps its own error message; this class only finds and lists.
 */
public final class Choices {

    private Choices() {
    }

    /**
     * The constant whose label matches {@code text} under the rule above.
     *
     * @param values the constants, in the order to search (an enum's {@code values()})
     * @param label  the spelling a user types for each constant
     * @param text   what the user typed; null matches nothing
     * @return the match, or empty when none matches
     */
    public static <E> Optional<E> find(E[] values, Function<E, String> label, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = normalize(text);
        return Arrays.stream(values).filter(v -> normalize(label.apply(v)).equals(wanted)).findFirst();
    }

    /** The labels of {@code values} joined by {@code ", "}, in order: the "allowed" part of an error message. */
    public static <E> String names(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).collect(Collectors.joining(", "));
    }

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
