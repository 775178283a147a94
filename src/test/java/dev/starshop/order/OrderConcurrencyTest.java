package dev.starshop.order;

import dev.starshop.support.Api;
import dev.starshop.support.Concurrently;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many buyers at once, over HTTP, against the real database. */
@MicronautTest
class OrderConcurrencyTest extends OrderTestBase {

    @Test
    void twentyBuyersRacingForFiveItemsGetExactlyFiveOrders() throws Exception {
        String scarce = fixtures.product(5);
        List<String> buyers = IntStream.range(0, 20).mapToObj(i -> fixtures.newBuyer()).toList();

        List<Api.Reply> replies = Concurrently.all(buyers.stream()
                .<Callable<Api.Reply>>map(buyer -> () -> fixtures.place(buyer, "XTR", Map.of(scarce, 1)))
                .toList());

        Map<Integer, Long> byStatus = replies.stream()
                .collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()));
        assertEquals(Map.of(201, 5L, 409, 15L), byStatus);
        assertEquals(0, fixtures.stockOf(scarce));
        replies.stream().filter(r -> r.status() == 409).forEach(r -> assertEquals("out-of-stock", r.code()));
    }

    @Test
    void theSameKeyAndBodyGiveTheSameOrder() {
        String gadget = fixtures.product(10);
        String buyer = fixtures.newBuyer();

        Api.Reply first = api.send(fixtures.order(buyer, "XTR", Map.of(gadget, 2)).header("Idempotency-Key", "k-1"));
        Api.Reply retry = api.send(fixtures.order(buyer, "XTR", Map.of(gadget, 2)).header("Idempotency-Key", "k-1"));

        assertEquals(201, first.status());
        assertEquals("false", first.header("Idempotent-Replayed"));
        assertEquals(first.json().get("id"), retry.json().get("id"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(8, fixtures.stockOf(gadget), "stock reserved once");
        assertEquals(1, fixtures.ordersOf(buyer).size());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String gadget = fixtures.product(10);
        String buyer = fixtures.newBuyer();
        api.send(fixtures.order(buyer, "XTR", Map.of(gadget, 2)).header("Idempotency-Key", "k-2"));

        Api.Reply changed = api.send(fixtures.order(buyer, "XTR", Map.of(gadget, 3)).header("Idempotency-Key", "k-2"));

        assertEquals(422, changed.status());
        assertEquals("idempotency-key-reused", changed.code());
        assertEquals(8, fixtures.stockOf(gadget));
        assertEquals(1, fixtures.ordersOf(buyer).size());
    }

    @Test
    void keysBelongToOneBuyer() {
        String gadget = fixtures.product(null);
        Api.Reply alice = api.send(fixtures.order(fixtures.newBuyer(), "XTR", Map.of(gadget, 1))
                .header("Idempotency-Key", "shared"));
        Api.Reply bob = api.send(fixtures.order(fixtures.newBuyer(), "XTR", Map.of(gadget, 1))
                .header("Idempotency-Key", "shared"));
        assertEquals(201, bob.status());
        assertEquals("false", bob.header("Idempotent-Replayed"));
        assertEquals(false, alice.json().get("id").equals(bob.json().get("id")));
    }

    @Test
    void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
        String gadget = fixtures.product(50);
        String buyer = fixtures.newBuyer();

        List<Api.Reply> replies = Concurrently.all(IntStream.range(0, 12).<Callable<Api.Reply>>mapToObj(i -> () -> api.send(
                fixtures.order(buyer, "XTR", Map.of(gadget, 1)).header("Idempotency-Key", "tap-tap-tap"))).toList());

        assertEquals(List.of(201), replies.stream().map(Api.Reply::status).distinct().toList());
        assertEquals(1, replies.stream().map(r -> r.json().get("id")).distinct().count());
        assertEquals(1, replies.stream().filter(r -> "false".equals(r.header("Idempotent-Replayed"))).count());
        assertEquals(49, fixtures.stockOf(gadget));
        assertEquals(1, fixtures.ordersOf(buyer).size());
    }
}
