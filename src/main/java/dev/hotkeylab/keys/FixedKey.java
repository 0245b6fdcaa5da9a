package dev.hotkeylab.keys;

/** The bad design: every request of a concert carries the concert id, so the whole concert lands on one partition. */
final class FixedKey implements KeyStrategy {

    @Override
    public String keyFor(String concertId, String userId, long sequence) {
        return concertId;
    }
}
