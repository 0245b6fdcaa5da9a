package dev.hotkeylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ticket request values: the direct codec writes and reads what Jackson writes and reads")
class TicketRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesJacksonsBytesForPlainIds() throws Exception {
        TicketRequest r = new TicketRequest("hotkey-fixed-key-1234abcd-99", "SUPER_STAR_CONCERT_2026", "user-7", 99,
                1_764_000_000_000L);
        assertThat(new String(r.toJson(), StandardCharsets.UTF_8))
                .isEqualTo(new String(JSON.writeValueAsBytes(r), StandardCharsets.UTF_8));
        assertThat(TicketRequest.fromJson(r.toJson())).isEqualTo(r);
    }

    @Test
    void quotesBackslashesControlCharactersAndNonAsciiRoundTrip() throws Exception {
        TicketRequest r = new TicketRequest("id \"q\" \\ \t", "Konzert-Zürich-🎵", "user-\u0001", -3, Long.MAX_VALUE);
        assertThat(JSON.readValue(r.toJson(), TicketRequest.class)).isEqualTo(r);
        assertThat(TicketRequest.fromJson(r.toJson())).isEqualTo(r);
        assertThat(TicketRequest.fromJson(JSON.writeValueAsBytes(r))).isEqualTo(r);
    }

    @Test
    void readsOtherFieldOrderAndWhiteSpaceThroughJackson() {
        byte[] json = ("{ \"sequence\": 5, \"userId\": \"u\", \"concertId\": \"c\", \"requestId\": \"r\", "
                + "\"producedAtMillis\": 7 }").getBytes(StandardCharsets.UTF_8);
        assertThat(TicketRequest.fromJson(json)).isEqualTo(new TicketRequest("r", "c", "u", 5, 7));
    }

    @Test
    void aValueThatIsNoTicketRequestIsOneError() {
        assertThatThrownBy(() -> TicketRequest.fromJson("{\"requestId\":\"r\",".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a ticket request");
        assertThatThrownBy(() -> TicketRequest.fromJson(
                "{\"requestId\":\"r\",\"concertId\":\"c\",\"userId\":\"u\",\"sequence\":99999999999999999999999,\"producedAtMillis\":1}"
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
