package dev.hotkeylab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for the commands that run until stopped ({@code run} serving the dashboard, {@code dashboard},
 * {@code consume}): {@link #await} returns so the command closes what it owns in its own try-with-resources and prints
 * its summary, while the shutdown hook holds the JVM open until {@link Main} says the command has finished.
 * (The hook must not wait for the main thread itself: that thread goes on to {@code System.exit}, which blocks while
 * shutdown hooks run, so such a wait always ran into its timeout.)
 */
final class Shutdown {

    /** How long the hook waits for the command to close what it owns. */
    static final long CLOSE_TIMEOUT_SECONDS = 10;

    private static final CountDownLatch COMMAND_FINISHED = new CountDownLatch(1);

    private Shutdown() {
    }

    /** Called by {@link Main} once the command has returned, before it exits. */
    static void commandFinished() {
        COMMAND_FINISHED.countDown();
    }

    /**
     * Blocks until Ctrl-C, an interrupt or {@code stop} counting down. Returns whether the thread was interrupted; the
     * caller restores the flag after closing, so closing is not cut short by it.
     */
    static boolean await(CountDownLatch stop) {
        try (Hook hook = onSignal("hotkey-lab-shutdown", stop::countDown)) {
            stop.await();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /**
     * While open, Ctrl-C or SIGTERM runs {@code action} (which makes the command stop early) and then holds the JVM
     * open until {@link Main} says the command has finished, so that it can close what it owns and print what it has.
     */
    static Hook onSignal(String name, Runnable action) {
        return new Hook(new Thread(() -> {
            action.run();
            try {
                COMMAND_FINISHED.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name));
    }

    /** A registered shutdown hook; closing removes it unless it is already running. */
    static final class Hook implements AutoCloseable {
        private final Thread thread;

        private Hook(Thread thread) {
            this.thread = thread;
            Runtime.getRuntime().addShutdownHook(thread);
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(thread);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits until the command has finished closing.
            }
        }
    }

    /**
     * Ctrl-C and SIGTERM for a command that works on its own thread until done ({@code run --no-serve}, and
     * {@code run} before it serves): while armed, the signal interrupts {@code worker} so that the command stops and
     * closes what it owns (the stores drop their data, the broker stops before its folder is deleted), and the hook
     * holds the JVM open until {@link Main} says the command has finished.
     */
    static Guard interruptOnSignal(Thread worker) {
        return new Guard(worker);
    }

    /** Thrown in place of whatever the interrupt caused: {@link Main} prints one line and exits 130. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped by a signal; what it had started is closed and its data removed");
        }
    }

    static final class Guard implements AutoCloseable {
        private final Thread worker;
        private final Hook hook;
        private boolean armed = true;
        private volatile boolean signalled;

        private Guard(Thread worker) {
            this.worker = worker;
            this.hook = onSignal("hotkey-lab-stop", this::signal);
        }

        private void signal() {
            signalled = true;
            synchronized (this) {
                if (armed) {
                    worker.interrupt();
                }
            }
        }

        /**
         * Ends the interruptible part: from now on a signal no longer interrupts the worker (closing must not be cut
         * short), and an interrupt the signal already caused is cleared. Returns whether a signal came.
         */
        boolean disarm() {
            synchronized (this) {
                armed = false;
            }
            if (signalled) {
                Thread.interrupted();
            }
            return signalled;
        }

        /** The exception to throw for {@code e}: {@link Stopped} when a signal caused it. */
        RuntimeException translate(RuntimeException e) {
            return disarm() ? new Stopped() : e;
        }

        @Override
        public void close() {
            disarm();
            hook.close();
        }
    }
}
