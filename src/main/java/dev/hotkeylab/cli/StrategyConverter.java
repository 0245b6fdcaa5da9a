package dev.hotkeylab.cli;

import dev.hotkeylab.keys.Strategy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@link Strategy} from the command line with {@link Strategy#parse} (any case, {@code -} for {@code _}); a
 * bad name fails with the one line that lists every strategy. Options typed with it list their choices through
 * {@link Strategy.Names} ({@code ${COMPLETION-CANDIDATES}}).
 */
public final class StrategyConverter implements ITypeConverter<Strategy> {

    @Override
    public Strategy convert(String value) {
        try {
            return Strategy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
