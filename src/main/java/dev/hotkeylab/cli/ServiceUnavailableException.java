package dev.hotkeylab.cli;

/**
 * A service the user named (a Kafka cluster, a store) did not answer when the command started: the address given is
 * wrong or the service is down. {@link Main} maps it, like bad input, to exit code 2 in every command; a service lost
 * after the start is a failure (exit 1).
 */
final class ServiceUnavailableException extends RuntimeException {

    ServiceUnavailableException(String message) {
        super(message);
    }
}
