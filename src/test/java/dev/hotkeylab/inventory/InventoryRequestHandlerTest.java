package dev.hotkeylab.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.experiment.TicketRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Inventory request handler: every concert a workload sends has stock")
class InventoryRequestHandlerTest {

    @Test
    void aQuietConcertGetsTheCapacityAtItsFirstRequestAndIsNotResetAgain() throws Exception {
        InventoryStore store = new InMemoryStore();
        InventoryRequestHandler handler = InventoryRequestHandler.prepare(store, "TAYLOR_SWIFT", 2, 0);

        handler.handle(new TicketRequest("r1", "QUIET_CONCERT_3", "u1", 0, 0));
        handler.handle(new TicketRequest("r2", "QUIET_CONCERT_3", "u2", 1, 0));
        handler.handle(new TicketRequest("r3", "QUIET_CONCERT_3", "u3", 2, 0));
        handler.handle(new TicketRequest("r4", "TAYLOR_SWIFT", "u4", 3, 0));

        // 2 seats each: the quiet concert's third request finds it sold out (a second reset would have sold it).
        assertThat(store.sold("QUIET_CONCERT_3")).isEqualTo(2);
        assertThat(handler.log().total()).isEqualTo(4);
        // sold is the run's concert's (read from the store); outcomes are counted over every concert.
        assertThat(handler.summary().sold()).isEqualTo(1);
        assertThat(handler.summary().soldOut()).isEqualTo(1);
    }
}
