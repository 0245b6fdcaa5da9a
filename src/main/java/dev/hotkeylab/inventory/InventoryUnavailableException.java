package dev.hotkeylab.inventory;

/** The store's server cannot be reached or failed; the message is one line naming the (redacted) URL. */
public class InventoryUnavailableException extends RuntimeException {

    public InventoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
