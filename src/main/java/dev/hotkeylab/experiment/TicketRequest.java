package dev.hotkeylab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One ticket request, the record value (JSON). {@code sequence} is its position in the producer's stream, so
 * consumers can tell when records of one concert or one user are processed out of order.
 */
public record TicketRequest(String requestId, String concertId, String userId, long sequence, long producedAtMillis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TicketRequest fromJson(byte[] json) {
        try {
            return JSON.readValue(json, TicketRequest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a ticket request: " + e.getMessage(), e);
        }
    }
}
