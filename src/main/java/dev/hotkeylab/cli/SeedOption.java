package dev.hotkeylab.cli;

import picocli.CommandLine.Option;

/** {@code --seed}, declared once for every command that draws at random ({@code run}, {@code bench}, {@code produce}, {@code soak}, {@code whatif}). */
final class SeedOption {

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;
}
