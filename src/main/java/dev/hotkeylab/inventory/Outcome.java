package dev.hotkeylab.inventory;

/** What one reservation attempt ended in, as the store decided it. */
public enum Outcome {

    /** A seat was taken from the stock and the booking recorded. */
    CONFIRMED,

    /** No seat left; nothing recorded. */
    SOLD_OUT,

    /**
     * This request id already holds a confirmed booking (a redelivered message); nothing sold now. Only idempotent
     * stores answer this; a naive store sells again.
     */
    DUPLICATE
}
