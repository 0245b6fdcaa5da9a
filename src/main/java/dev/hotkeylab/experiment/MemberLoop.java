package dev.hotkeylab.experiment;

/**
 * The loop of one group member, what the experiments' members and the dashboard's live consumers run on their thread:
 * {@link ConsumerLoop} (consumer group) or {@link ShareLoop} (share group). Each hands its records to its own kind of
 * work and tells it the {@link Events} both kinds share. Run it on its own thread; {@link #stop()} from any thread ends
 * it.
 */
public sealed interface MemberLoop extends Runnable permits ConsumerLoop, ShareLoop {

    /** Asks the loop to leave: returns at once; the thread closes the consumer and ends. */
    void stop();

    /** The member's client id, as its consumer was configured. */
    String clientId();

    /** What every loop tells its work, on the loop's thread. */
    interface Events {

        /** When the figures may have changed (each loop's work says when), and once more after the close. */
        default void progress() {
        }

        /** The error that ended the loop (not the wakeup or interrupt of {@link MemberLoop#stop()}). */
        void failed(Exception e);
    }
}
