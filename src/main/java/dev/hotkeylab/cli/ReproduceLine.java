package dev.hotkeylab.cli;

import dev.hotkeylab.keys.Keys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The "reproduce with" line of a report, built from what picocli parsed rather than from a hand-kept list: an option
 * given on the command line appears as it was typed (a split option's values joined by commas), one left out appears
 * with its default, and one without a default only when given. Every value is one shell word
 * ({@link Keys#shellQuoted}): a key like {@code x; rm -rf ~} pasted back is a key, not a second command.
 */
final class ReproduceLine {

    private ReproduceLine() {
    }

    /**
     * @param prefix     the command as it should start, e.g. {@code ./hotkey-lab run --no-serve}
     * @param spec       the command's spec after parsing
     * @param always     options repeated with their default when not given (e.g. a mixin's {@code options()})
     * @param whenGiven  further options repeated only when given (e.g. {@code --brokers})
     */
    static String of(String prefix, CommandSpec spec, Collection<OptionSpec> always, Collection<String> whenGiven) {
        ParseResult parsed = spec.commandLine().getParseResult();
        StringBuilder line = new StringBuilder(prefix);
        for (OptionSpec option : always) {
            List<String> values = given(parsed, option);
            if (values == null && option.defaultValue() != null && option.arity().max() > 0) {
                values = List.of(option.defaultValue());
            }
            append(line, option, values);
        }
        for (String name : whenGiven) {
            OptionSpec option = spec.findOption(name);
            append(line, option, option == null ? null : given(parsed, option));
        }
        return line.toString();
    }

    /** The values as typed, or null when the option was not given. */
    private static List<String> given(ParseResult parsed, OptionSpec option) {
        if (parsed == null) {
            return null;
        }
        OptionSpec matched = parsed.matchedOption(option.longestName());
        if (matched == null) {
            return null;
        }
        List<String> typed = new ArrayList<>(matched.originalStringValues());
        // Given twice, a split option keeps both lists; any other keeps the last value.
        return option.splitRegex().isEmpty() && typed.size() > 1 ? List.of(typed.get(typed.size() - 1)) : typed;
    }

    private static void append(StringBuilder line, OptionSpec option, List<String> values) {
        if (values == null) {
            return;
        }
        line.append(' ').append(option.longestName());
        if (option.arity().max() > 0 && !values.isEmpty()) {
            line.append(' ').append(Keys.shellQuoted(String.join(",", values)));
        }
    }
}
