package dev.hotkeylab.keys;

/**
 * What a key strategy is, for the code that compares strategies (the claims, the bench's default list): the hot key
 * as it is, a key changed by a salt, or a producer partitioner that places records itself.
 */
public enum StrategyKind {

    /** The key as the application has it: the hot key stays on one partition. The claims' "fixed key". */
    BASELINE,

    /** The key is changed (a salt appended) so one entity's records spread; the seed's "salting". */
    SALTED_KEY,

    /** The key stays; a producer partitioner decides where its records go (e.g. the adaptive partitioner). */
    PARTITIONER;

    /** Whether strategies of this kind try to spread a hot key over partitions (what the salting claims are about). */
    public boolean spreadsHotKey() {
        return this != BASELINE;
    }
}
