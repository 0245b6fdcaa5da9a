package dev.hotkeylab.whatif;

import java.util.List;

/**
 * What adding partitions does: keys hashed modulo a new count move, so per-key order across the change is lost and
 * partition-aware salts stop being partition-aware until they are searched again.
 *
 * @param fromPartitions          P
 * @param toPartitions            P2
 * @param keysMoved               distinct keys whose partition changes (FIXED_KEY placement)
 * @param keysMovedShare          keysMoved / distinct keys
 * @param fixedKeyLoadMovedShare  share of records whose partition changes under FIXED_KEY
 * @param randomSaltLoadMovedShare share under RANDOM_SALT (NaN when RANDOM_SALT is not simulated)
 * @param after                   every strategy's prediction at P2 (partition-aware salts searched again for P2; C
 *                                consumers unchanged)
 * @param staleSalts              partition-aware salts searched for P but used at P2
 */
public record GrowthPrediction(int fromPartitions, int toPartitions, long keysMoved, double keysMovedShare,
                               double fixedKeyLoadMovedShare, double randomSaltLoadMovedShare,
                               List<StrategyPrediction> after, StaleSalts staleSalts) {

    public GrowthPrediction {
        after = List.copyOf(after);
    }

    /**
     * Partition-aware salts computed for P, checked at P2 over the hottest keys (searching salts for every key would
     * cost about P ln P hashes per key).
     *
     * @param keysChecked             hottest keys checked
     * @param loadShareChecked        their share of all records
     * @param keysNoLongerCoveringAll checked keys whose old salted keys no longer reach all P2 partitions
     * @param saltedKeysChecked       old salted keys checked (P per key)
     * @param saltedKeysMoved         old salted keys that now land on another partition than the one searched for
     * @param meanPartitionsCovered   mean distinct partitions (of P2) an old salt set reaches
     * @param load                    those keys' records over the P2 partitions with the old salts, round robin
     */
    public record StaleSalts(int keysChecked, double loadShareChecked, int keysNoLongerCoveringAll,
                             long saltedKeysChecked, long saltedKeysMoved, double meanPartitionsCovered,
                             LoadSummary load) {
    }
}
