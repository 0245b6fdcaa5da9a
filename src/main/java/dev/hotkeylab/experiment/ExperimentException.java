package dev.hotkeylab.experiment;

/** A run that could not finish: the message says what was waited for and what was seen. */
public final class ExperimentException extends RuntimeException {

    public ExperimentException(String message) {
        super(message);
    }

    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
