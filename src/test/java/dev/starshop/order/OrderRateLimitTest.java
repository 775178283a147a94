package dev.starshop.order;

import dev.starshop.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-buyer token buckets at the production defaults: 10 orders a minute with a burst of 5, and 30
 * invoice calls ({@code /invoice} and {@code /invoice-closed} together) a minute with a burst of 10.
 * The unpaid-order limit stays lifted (test profile) so only the rate limit can refuse.
 */
@MicronautTest
@Property(name = "starshop.orders.rate-limit.orders-per-minute", value = "10")
@Property(name = "starshop.orders.rate-limit.orders-burst", value = "5")
@Property(name = "starshop.orders.rate-limit.invoice-calls-per-minute", value = "12")
@Property(name = "starshop.orders.rate-limit.invoice-calls-burst", value = "10")
class OrderRateLimitTest extends OrderTestBase {

    @Test
    void aBurstOfOrdersBeyondFiveIsRefusedWithRetryAfterAndWritesNothing() {
        String gadget = fixtures.product(50);
        String buyer = fixtures.newBuyer();
        List<Integer> burst = IntStream.range(0, 5)
                .mapToObj(i -> fixtures.place(buyer, "XTR", Map.of(gadget, 1)).status()).toList();

        Api.Reply sixth = fixtures.place(buyer, "XTR", Map.of(gadget, 1));

        assertEquals(List.of(201, 201, 201, 201, 201), burst);
        assertEquals(429, sixth.status(), () -> String.valueOf(sixth.body()));
        assertEquals("rate-limited", sixth.code());
        long retryAfter = Long.parseLong(sixth.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 6, "one order every 6 s, not " + retryAfter);
        assertTrue(String.valueOf(sixth.json().get("detail")).contains("try again in " + retryAfter + " s"));
        assertEquals(5, fixtures.ordersOf(buyer).size());
        assertEquals(45, fixtures.stockOf(gadget));
    }

    @Test
    void anotherBuyerIsNotAffected() {
        String gadget = fixtures.product(null);
        String busy = fixtures.newBuyer();
        IntStream.range(0, 5).forEach(i -> fixtures.place(busy, "XTR", Map.of(gadget, 1)));
        assertEquals(429, fixtures.place(busy, "XTR", Map.of(gadget, 1)).status());

        assertEquals(201, fixtures.place(fixtures.newBuyer(), "XTR", Map.of(gadget, 1)).status());
    }

    @Test
    void invoiceCallsShareABucketAndRefillWithTime() throws InterruptedException {
        String gadget = fixtures.product(null);
        String buyer = fixtures.newBuyer();
        String id = (String) fixtures.place(buyer, "XTR", Map.of(gadget, 1)).json().get("id");
        List<Integer> burst = IntStream.range(0, 10).mapToObj(i -> i % 2 == 0 ? closed(buyer, id) : invoice(buyer, id))
                .map(Api.Reply::status).toList();

        Api.Reply closed = closed(buyer, id);
        Api.Reply invoice = invoice(buyer, id);

        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200), burst);
        assertEquals(429, closed.status());
        assertEquals("rate-limited", closed.code());
        assertEquals(429, invoice.status());
        long retryAfter = Long.parseLong(closed.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "one call every 5 s, not " + retryAfter);
        Thread.sleep(retryAfter * 1000);
        assertEquals(200, closed(buyer, id).status(), "a client that waits Retry-After gets through");
    }

    private Api.Reply closed(String buyer, String id) {
        return api.send(HttpRequest.POST("/api/orders/" + id + "/invoice-closed", Map.of("status", "cancelled"))
                .header("Authorization", buyer));
    }

    private Api.Reply invoice(String buyer, String id) {
        return api.send(HttpRequest.POST("/api/orders/" + id + "/invoice", "").header("Authorization", buyer));
    }
}
