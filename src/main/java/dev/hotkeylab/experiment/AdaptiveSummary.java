package dev.hotkeylab.experiment;

import dev.hotkeylab.keys.adaptive.HotKeyEvent;
import java.util.List;

/**
 * What the adaptive partitioner did in a run ({@link dev.hotkeylab.keys.Strategy#ADAPTIVE}); {@link #NONE} for other
 * strategies.
 *
 * @param used                    whether the run's producer used the adaptive partitioner
 * @param events                  keys spread and sent home, in order
 * @param spreadRecords           records sent away from their key's default placement
 * @param headersWritten          spread records that carry the {@code hotkey-*} headers
 * @param hotKeyFlaggedAtRequest  the 1-based request at which the run's hot concert ({@code key}) was first spread, -1
 *                                if never
 * @param hotKeyFlaggedAfterMillis milliseconds from the first send to that moment, -1 if never
 */
public record AdaptiveSummary(boolean used, List<HotKeyEvent> events, long spreadRecords, long headersWritten,
        long hotKeyFlaggedAtRequest, long hotKeyFlaggedAfterMillis) {

    public static final AdaptiveSummary NONE = new AdaptiveSummary(false, List.of(), 0, 0, -1, -1);

    public AdaptiveSummary {
        events = List.copyOf(events);
    }
}
