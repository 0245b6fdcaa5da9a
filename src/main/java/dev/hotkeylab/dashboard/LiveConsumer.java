package dev.hotkeylab.dashboard;

import java.util.Set;

/**
 * One member of a group on its own thread, as {@code hotkey-lab consume} runs it: {@link GroupConsumer} (consumer group)
 * or {@link ShareGroupConsumer} (share group). {@link #close()} from any thread stops it.
 */
public interface LiveConsumer extends Runnable, AutoCloseable {

    String clientId();

    /** Records served and committed (or acknowledged and committed) so far. */
    long processed();

    /** Partitions this member works on now. */
    Set<Integer> assignment();

    /** The error that stopped the loop, or null. */
    Exception failure();

    @Override
    void close();
}
