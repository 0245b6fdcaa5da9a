package dev.hotkeylab.whatif;

/**
 * The hash of KafkaJS's {@code Partitioners.LegacyPartitioner} (KafkaJS 1.x's default, still shipped in 2.x), modelled
 * from its published algorithm: murmur2 as in Kafka 0.10.2, but written with plain JavaScript numbers. That differs
 * from Kafka's murmur2 in three ways, which is why the legacy partitioner puts keys elsewhere than the Java client:
 * <ul>
 *   <li>products are IEEE-754 doubles (rounded above 2^53), truncated to 32 bits only by the next bitwise operator;</li>
 *   <li>the block loop runs {@code i < length / 4} without flooring, so a trailing partial block is mixed once more
 *       as a zero-padded block before the tail switch mixes it again;</li>
 *   <li>{@code >>>} on a double first reduces it modulo 2^32 (ECMAScript ToUint32), {@code ^} via ToInt32.</li>
 * </ul>
 * Java doubles follow the same IEEE-754 rules, so each JavaScript step is replayed here exactly. The placement test
 * against the real KafkaJS client (node) keeps this model honest.
 */
final class KafkaJsLegacyMurmur2 {

    private static final int SEED = 0x9747b28c;
    private static final double M = 0x5bd1e995;
    private static final int R = 24;

    private KafkaJsLegacyMurmur2() {
    }

    /** The legacy partitioner's rule: {@code (hash & 0x7fffffff) % partitions}. */
    static int partitionFor(byte[] data, int partitions) {
        return (hash(data) & 0x7fffffff) % partitions;
    }

    /** The signed 32-bit value the legacy {@code murmur2.js} returns for these bytes. */
    static int hash(byte[] data) {
        int length = data.length;
        double h = SEED ^ length;
        // `for (let i = 0; i < length / 4; i++)`: ceil(length / 4) rounds, bytes past the end read as 0.
        int rounds = (length + 3) / 4;
        for (int i = 0; i < rounds; i++) {
            int i4 = i * 4;
            // `a + (b << 8) + (c << 16) + (d << 24)`: each shift is int32, the sum is an exact double.
            double k = (double) byteAt(data, i4) + (byteAt(data, i4 + 1) << 8) + (byteAt(data, i4 + 2) << 16)
                    + (byteAt(data, i4 + 3) << 24);
            k *= M;
            k = toInt32(k) ^ (toInt32(k) >>> R);
            k *= M;
            h *= M;
            h = toInt32(h) ^ toInt32(k);
        }
        int tail = length & ~3;
        switch (length % 4) {
            case 3:
                h = toInt32(h) ^ (byteAt(data, tail + 2) << 16);
                // fall through
            case 2:
                h = toInt32(h) ^ (byteAt(data, tail + 1) << 8);
                // fall through
            case 1:
                h = toInt32(h) ^ byteAt(data, tail);
                h *= M;
                break;
            default:
                break;
        }
        h = toInt32(h) ^ (toInt32(h) >>> 13);
        h *= M;
        h = toInt32(h) ^ (toInt32(h) >>> 15);
        return toInt32(h);
    }

    private static int byteAt(byte[] data, int index) {
        return index < data.length ? data[index] & 0xff : 0;
    }

    /**
     * ECMAScript ToInt32: truncate toward zero, then modulo 2^32. Every value here is below 2^62 in magnitude (an
     * int32 times M), so the cast to long is exact and its low 32 bits are the result.
     */
    static int toInt32(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return 0;
        }
        return (int) (long) value;
    }
}
