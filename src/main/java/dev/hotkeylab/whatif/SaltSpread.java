package dev.hotkeylab.whatif;

/**
 * How far RANDOM_SALT really spreads your own keys: over the keys with at least B records (the ones whose B salted
 * keys are all used, and the ones that make a partition hot), how many have salted keys reaching every partition.
 * The coverage table says the same for random keys; this says it for the keys in the file.
 *
 * @param saltBuckets               B
 * @param partitions                P
 * @param keysChecked               keys with at least B records
 * @param recordShareChecked        their share of all records
 * @param keysReachingAll           of those, keys whose B salted keys reach all P partitions
 * @param recordShareReachingAll    share of all records that belong to such keys
 * @param meanPartitionsReached     mean distinct partitions a checked key's salted keys reach
 */
public record SaltSpread(int saltBuckets, int partitions, long keysChecked, double recordShareChecked,
                         long keysReachingAll, double recordShareReachingAll, double meanPartitionsReached) {
}
