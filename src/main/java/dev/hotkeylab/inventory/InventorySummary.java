package dev.hotkeylab.inventory;

import java.util.Locale;

/**
 * One store's result in a run: what it sold against its capacity and how fast it decided.
 *
 * @param store                 the store's name
 * @param capacity              seats there were
 * @param sold                  bookings the store recorded as confirmed
 * @param oversold              {@code max(0, sold - capacity)}: seats sold that did not exist
 * @param duplicatesRefused     redelivered requests answered {@link Outcome#DUPLICATE} instead of selling again
 * @param soldOut               requests answered {@link Outcome#SOLD_OUT}
 * @param outcomesRecorded      reservations that got an outcome
 * @param reservationsPerSecond outcomes recorded per second of the run
 */
public record InventorySummary(String store, int capacity, long sold, long oversold, long duplicatesRefused,
        long soldOut, long outcomesRecorded, double reservationsPerSecond) {

    /** One line for logs and the CLI. */
    public String describe() {
        return String.format(Locale.ROOT,
                "%s: sold %d of %d (oversold %d), sold out %d, duplicates refused %d, %d outcomes, %.0f reservations/s",
                store, sold, capacity, oversold, soldOut, duplicatesRefused, outcomesRecorded, reservationsPerSecond);
    }
}
