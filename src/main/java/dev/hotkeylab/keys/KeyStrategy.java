package dev.hotkeylab.keys;

/**
 * Chooses the Kafka record key for one ticket request. The key alone decides the partition, so this is the whole
 * difference between a hot partition and a spread one. Instances are made per run by {@link Strategy#create} and are
 * used from the single producer thread.
 */
public interface KeyStrategy {

    /**
     * The record key for a request.
     *
     * @param concertId the natural key (the hot one in the experiments)
     * @param userId    who asked; strategies that keep a user's order derive the salt from it
     * @param sequence  the request's position in the run, 0-based
     */
    String keyFor(String concertId, String userId, long sequence);
}
