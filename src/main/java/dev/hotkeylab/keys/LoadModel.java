package dev.hotkeylab.keys;

/**
 * How the what-if simulator ({@code whatif.WhatIfSimulator}) predicts a strategy's load without a broker: where its
 * records land, given only how many records each key has. A strategy names its model; a new strategy that places
 * records like an existing one names that model and needs nothing else in the simulator. Declared from the most
 * exact spread of a salted key to the least, which is the order {@code bench} compares salted strategies in.
 */
public enum LoadModel {

    /** Exact: each key's records on the partition the client hashes the key to. */
    KEY_HASH,

    /** Exact: record {@code s} on partition {@code s mod P}, through salts searched per partition. */
    SEARCHED_SALT_ROUND_ROBIN,

    /** Expected {@code N/P} per partition: the searched salt chosen by an entity id (users) that hashes evenly. */
    SEARCHED_SALT_BY_ENTITY,

    /** A salt from {@code 0..B-1} drawn per record: {@code count/B} expected on each salted key. */
    SALT_PER_RECORD,

    /** Steady state of a hot-key partitioner: keys over the threshold spread evenly, the rest stay at their hash. */
    HOT_KEYS_SPREAD;

    /** Whether the model places records through partition-aware salts searched for a key (checked under clients). */
    public boolean searchesSalts() {
        return this == SEARCHED_SALT_ROUND_ROBIN || this == SEARCHED_SALT_BY_ENTITY;
    }
}
