package dev.hotkeylab.scan;

import dev.hotkeylab.whatif.ClientModel;
import java.util.ArrayList;
import java.util.List;

/** Which producing client could have written a topic: the observed key to partition pairs against every client model. */
final class ClientFits {

    private ClientFits() {
    }

    /**
     * Tests the observed key to partition pairs against every client model. Keys seen on several partitions are
     * skipped, and so are keys a model spreads (no fixed partition); a key a model refuses counts as checked and not
     * agreeing.
     */
    static List<ScanResult.ClientFit> of(KeyTally tally, int partitions) {
        List<KeyTally.Entry> entries = tally.entries();
        List<ScanResult.ClientFit> fits = new ArrayList<>();
        for (ClientModel model : ClientModel.values()) {
            long checked = 0;
            long agree = 0;
            for (KeyTally.Entry e : entries) {
                if (e.partition() == KeyTally.SEVERAL_PARTITIONS) {
                    continue;
                }
                int predicted;
                try {
                    predicted = model.partitionFor(e.key(), partitions);
                } catch (IllegalArgumentException refused) {
                    checked++; // a client that refuses this key cannot have produced it
                    continue;
                }
                if (predicted == ClientModel.SPREAD) {
                    continue;
                }
                checked++;
                if (predicted == e.partition()) {
                    agree++;
                }
            }
            fits.add(new ScanResult.ClientFit(model.cliName(), model.rule(), checked, agree));
        }
        return fits;
    }
}
