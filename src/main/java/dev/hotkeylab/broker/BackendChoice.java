package dev.hotkeylab.broker;

import java.util.Optional;

/**
 * How the backend is chosen: a bootstrap address (external), a forced kind, and the broker count for embedded.
 * {@link #fromEnvironment} reads {@code HOTKEY_BOOTSTRAP} / {@code hotkey.bootstrap} and {@code HOTKEY_BACKEND} /
 * {@code hotkey.backend}, so tests and the CLI share one rule.
 */
public record BackendChoice(Optional<String> bootstrap, Optional<BackendKind> forced, int brokers) {

    public BackendChoice {
        bootstrap = bootstrap.filter(s -> !s.isBlank());
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be >= 1 but got " + brokers);
        }
        if (forced.isPresent() && forced.get() == BackendKind.EXTERNAL && bootstrap.isEmpty()) {
            throw new IllegalArgumentException("backend 'external' needs a bootstrap address (--bootstrap or HOTKEY_BOOTSTRAP)");
        }
    }

    /** Whatever the environment says, with {@code brokers} brokers if embedded. */
    public static BackendChoice fromEnvironment(int brokers) {
        return new BackendChoice(setting("hotkey.bootstrap", "HOTKEY_BOOTSTRAP"),
                setting("hotkey.backend", "HOTKEY_BACKEND").map(BackendKind::parse), brokers);
    }

    /** The environment's choice, with an explicit bootstrap (e.g. from {@code --bootstrap}) winning if given. */
    public BackendChoice withBootstrap(String address) {
        return address == null || address.isBlank() ? this : new BackendChoice(Optional.of(address), forced, brokers);
    }

    private static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }
}
