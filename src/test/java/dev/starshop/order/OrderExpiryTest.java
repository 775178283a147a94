package dev.starshop.order;

import dev.starshop.support.Api;
import dev.starshop.support.MovableClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Unpaid orders expire after the configured time and give their stock back. The sweep is called
 * from the test thread, so the test must not wrap itself in a transaction that the server's
 * threads cannot see.
 */
@MicronautTest(transactional = false)
class OrderExpiryTest extends OrderTestBase {

    static final MovableClock CLOCK = new MovableClock();

    @Inject
    OrderExpiry expiry;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @Test
    void anUnpaidOrderExpiresAfterThirtyMinutesAndReleasesItsStock() {
        String gadget = fixtures.product(5);
        String buyer = fixtures.newBuyer();
        String early = (String) fixtures.place(buyer, "XTR", Map.of(gadget, 2)).json().get("id");
        CLOCK.advance(Duration.ofMinutes(20));
        String later = (String) fixtures.place(buyer, "XTR", Map.of(gadget, 1)).json().get("id");
        assertEquals(2, fixtures.stockOf(gadget));

        CLOCK.advance(Duration.ofMinutes(11));
        expiry.expireDue();

        assertEquals("EXPIRED", statusOf(buyer, early));
        assertEquals("PENDING_PAYMENT", statusOf(buyer, later), "not yet 30 minutes old");
        assertEquals(4, fixtures.stockOf(gadget));

        CLOCK.advance(Duration.ofMinutes(30));
        expiry.expireDue();
        expiry.expireDue();
        assertEquals("EXPIRED", statusOf(buyer, later));
        assertEquals(5, fixtures.stockOf(gadget), "each order's stock comes back exactly once");
    }

    @Test
    void anExpiredOrderCannotBeCancelled() {
        String gadget = fixtures.product(3);
        String buyer = fixtures.newBuyer();
        String id = (String) fixtures.place(buyer, "XTR", Map.of(gadget, 1)).json().get("id");
        CLOCK.advance(Duration.ofMinutes(31));
        expiry.expireDue();

        Api.Reply cancel = api.send(HttpRequest.POST("/api/orders/" + id + "/cancel", "")
                .header("Authorization", buyer));

        assertEquals(409, cancel.status());
        assertEquals(3, fixtures.stockOf(gadget));
    }

    private String statusOf(String buyer, String id) {
        return (String) api.send(HttpRequest.GET("/api/orders/" + id).header("Authorization", buyer))
                .json().get("status");
    }
}
