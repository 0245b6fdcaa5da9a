package dev.hotkeylab.whatif;

import dev.hotkeylab.keys.base.PartitionAwareSalts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes of {@code key + "_" + bucket} (the key's exact bytes, then UTF-8) for one key and many buckets, reusing one array per digit count: the
 * partitioners hash whole arrays, and allocating a fresh one for each of tens of millions of salted keys made the
 * simulator spend its time in the allocator. Not thread-safe; the returned array is valid until the next call.
 */
final class SaltedKeyBytes {

    private final byte[] prefix;
    private final byte[][] byDigits = new byte[11][];

    SaltedKeyBytes(byte[] key) {
        byte[] separator = PartitionAwareSalts.SEPARATOR.getBytes(StandardCharsets.UTF_8);
        this.prefix = Arrays.copyOf(key, key.length + separator.length);
        System.arraycopy(separator, 0, prefix, key.length, separator.length);
    }

    byte[] forBucket(int bucket) {
        if (bucket < 0) {
            throw new IllegalArgumentException("bucket must be >= 0 but got " + bucket);
        }
        int digits = 1;
        for (int v = bucket; v >= 10; v /= 10) {
            digits++;
        }
        byte[] bytes = byDigits[digits];
        if (bytes == null) {
            bytes = Arrays.copyOf(prefix, prefix.length + digits);
            byDigits[digits] = bytes;
        }
        int v = bucket;
        for (int i = bytes.length - 1; i >= prefix.length; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return bytes;
    }
}
