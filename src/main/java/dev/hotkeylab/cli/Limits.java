package dev.hotkeylab.cli;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * What this process can really hold, checked before anything starts so a limit is a one-line error (exit 2) naming
 * what to raise, never a raw OutOfMemoryError or a broker dying of "Too many open files" minutes later. The costs are
 * measured (README, "Limits").
 */
final class Limits {

    /**
     * Heap one ticket request of {@code run} takes: one bit (which requests were processed at least once); everything
     * else the runner keeps is per partition, per key or per entity (README, "Limits": 10^7 requests ran on -Xmx512m).
     */
    static final double HEAP_BYTES_PER_REQUEST = 1.0 / 8;

    /** Heap the process needs besides the requests: an embedded broker, the clients, the report (measured ~150 MB). */
    static final long HEAP_BASELINE_BYTES = 160L << 20;

    /** Heap {@code whatif} takes per distinct key (the key, its count, its partitions and strategy tables). */
    static final long HEAP_BYTES_PER_KEY = 300;

    /**
     * File descriptors an embedded broker keeps open per partition replica: the active segment's log file and the
     * socket and index handles around it (9,999 partitions ran out at a limit of 20,000).
     */
    static final int FDS_PER_PARTITION = 2;

    /** File descriptors the JVM, the broker's sockets and the clients take besides the partitions. */
    static final int FDS_BASELINE = 400;

    private Limits() {
    }

    /**
     * Refuses more partitions than the embedded cluster can open files for under this process's limit
     * ({@code ulimit -n}, read from the JVM).
     */
    static void requirePartitions(int partitions, int brokers) {
        requirePartitions(partitions, brokers, maxFileDescriptors(), openFileDescriptors());
    }

    static void requirePartitions(int partitions, int brokers, long max, long open) {
        if (max <= 0) {
            return; // not a Unix JVM: nothing to read
        }
        int replicas = Math.min(3, brokers);
        // Every broker of the cluster lives in this JVM, so all replicas share the process's limit.
        long need = open + FDS_BASELINE + (long) partitions * replicas * FDS_PER_PARTITION;
        if (need > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "partitions %d need about %d file "
                    + "descriptors for the embedded broker but this process may open %d (ulimit -n); raise it with "
                    + "'ulimit -n %d' or lower --partitions", partitions, need, max, roundUp(need)));
        }
    }

    /** Refuses a request count whose per-request arrays do not fit in the heap this JVM may use. */
    static void requireHeapForRequests(long requests) {
        requireHeapForRequests(requests, Runtime.getRuntime().maxMemory());
    }

    static void requireHeapForRequests(long requests, long max) {
        long need = HEAP_BASELINE_BYTES + (long) Math.ceil(requests * HEAP_BYTES_PER_REQUEST);
        if (need > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "messages %d need about %s of heap but this "
                    + "JVM may use %s; raise it with HOTKEY_JAVA_OPTS=-Xmx%s or lower --messages", requests,
                    mib(need), mib(max), gOrM(need)));
        }
    }

    /**
     * Broker disk one request takes in the embedded broker's folder: record, batch and index overhead (measured: the
     * topic's log was 191 to 206 B per request for 10^7 and 10^8 requests, README "Limits").
     */
    static final long DISK_BYTES_PER_REQUEST = 210;

    /**
     * Refuses runs whose records cannot fit on the disk of {@code java.io.tmpdir}, where the embedded broker keeps its
     * logs ({@code requests} in all: topics are kept while the dashboard serves them).
     */
    static void requireDiskForRequests(long requests) {
        java.io.File tmp = new java.io.File(System.getProperty("java.io.tmpdir"));
        requireDiskForRequests(requests, tmp.getUsableSpace(), tmp.toString());
    }

    static void requireDiskForRequests(long requests, long usable, String where) {
        long need = requests * DISK_BYTES_PER_REQUEST;
        if (usable > 0 && need > usable) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "messages: %d requests need about %s of "
                    + "disk for the embedded broker in %s but %s are free; free space there, point -Djava.io.tmpdir "
                    + "elsewhere or lower --messages", requests, mib(need), where, mib(usable)));
        }
    }

    /** Refuses a key count whose tables do not fit in the heap this JVM may use ({@code whatif}). */
    static void requireHeapForKeys(long keys, String what) {
        requireHeapForKeys(keys, what, Runtime.getRuntime().maxMemory());
    }

    static void requireHeapForKeys(long keys, String what, long max) {
        long need = (64L << 20) + keys * HEAP_BYTES_PER_KEY;
        if (need > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %d keys need about %s of heap but this "
                    + "JVM may use %s; raise it with HOTKEY_JAVA_OPTS=-Xmx%s or use fewer keys", what, keys, mib(need),
                    mib(max), gOrM(need)));
        }
    }

    /** Lines of the file (an upper bound of its distinct keys), counted without decoding; 0 if it cannot be read. */
    static long lines(java.nio.file.Path file) {
        long lines = 0;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (java.io.IOException e) {
            return 0; // the reader names the problem
        }
        return lines + 1;
    }

    static long maxFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }

    static long openFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : 0;
    }

    private static long roundUp(long n) {
        long step = 1024;
        return (n + step - 1) / step * step;
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MB";
    }

    /** An -Xmx value that covers {@code bytes}, e.g. "3g" or "768m". */
    private static String gOrM(long bytes) {
        long mb = (bytes >> 20) + 1;
        return mb >= 1024 ? ((mb + 1023) / 1024) + "g" : ((mb + 63) / 64 * 64) + "m";
    }
}
