package dev.starshop.order;

import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxUser;
import dev.starshop.support.Api;
import dev.starshop.support.Concurrently;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.support.SandboxTelegramTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A buyer holds at most {@code starshop.orders.max-unpaid-per-buyer} (here the production default, 5)
 * orders waiting for payment. The next one is 429 {@code too-many-unpaid-orders} and writes nothing;
 * paying, cancelling or the deadline passing frees a slot; other buyers are not affected.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.orders.max-unpaid-per-buyer", value = "5")
class BuyerLimitsTest extends SandboxTelegramTestBase {

    private static final int LIMIT = 5;

    @Inject
    DataSource dataSource;

    OrderFixtures fixtures;
    Db db;
    String gadget;

    @BeforeEach
    void openTheShop() {
        fixtures = new OrderFixtures(api, signer());
        db = new Db(dataSource);
        gadget = fixtures.product(100);
    }

    @Test
    void theSixthUnpaidOrderIsRefusedAndWritesNothing() {
        long buyerId = newBuyerId();
        String buyer = buyer(buyerId);
        placeUpTo(LIMIT, buyer);
        Written before = written(buyerId);

        Api.Reply sixth = fixtures.place(buyer, "XTR", Map.of(gadget, 1));

        assertEquals(429, sixth.status(), () -> String.valueOf(sixth.body()));
        assertEquals("too-many-unpaid-orders", sixth.code());
        assertEquals("urn:starshop:problem:too-many-unpaid-orders", sixth.json().get("type"));
        String detail = String.valueOf(sixth.json().get("detail"));
        assertTrue(detail.contains("5 unpaid orders") && detail.contains("Pay for or cancel"), detail);
        assertEquals(before, written(buyerId), "no order, line, event, stock or Bot API call");
        assertEquals(LIMIT, fixtures.ordersOf(buyer).size());
    }

    @Test
    void anotherBuyerIsNotAffected() {
        String full = buyer(newBuyerId());
        placeUpTo(LIMIT, full);

        Api.Reply other = fixtures.place(buyer(newBuyerId()), "XTR", Map.of(gadget, 1));

        assertEquals(201, other.status(), () -> String.valueOf(other.body()));
        assertEquals(429, fixtures.place(full, "XTR", Map.of(gadget, 1)).status());
    }

    @Test
    void aRetryWithTheSameKeyStillGetsItsOrderAtTheLimit() {
        String buyer = buyer(newBuyerId());
        placeUpTo(LIMIT - 1, buyer);
        Api.Reply last = api.send(fixtures.order(buyer, "XTR", Map.of(gadget, 2)).header("Idempotency-Key", "last"));
        assertEquals(201, last.status());

        Api.Reply retry = api.send(fixtures.order(buyer, "XTR", Map.of(gadget, 2)).header("Idempotency-Key", "last"));
        Api.Reply another = api.send(fixtures.order(buyer, "XTR", Map.of(gadget, 2)).header("Idempotency-Key", "new"));

        assertEquals(201, retry.status(), () -> String.valueOf(retry.body()));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(last.json().get("id"), retry.json().get("id"));
        assertEquals(429, another.status());
        assertEquals("too-many-unpaid-orders", another.code());
    }

    @Test
    void cancellingAnUnpaidOrderFreesASlot() {
        String buyer = buyer(newBuyerId());
        List<String> ids = placeUpTo(LIMIT, buyer);
        assertEquals(429, fixtures.place(buyer, "XTR", Map.of(gadget, 1)).status());

        Api.Reply cancelled = api.send(HttpRequest.POST("/api/orders/" + ids.get(2) + "/cancel", "")
                .header("Authorization", buyer));

        assertEquals(200, cancelled.status());
        assertEquals(201, fixtures.place(buyer, "XTR", Map.of(gadget, 1)).status());
        assertEquals(429, fixtures.place(buyer, "XTR", Map.of(gadget, 1)).status(), "full again");
    }

    @Test
    void payingAnOrderFreesASlot() {
        long buyerId = newBuyerId();
        telegram.createUser(new SandboxUser(buyerId, "Pat", "pat" + buyerId, "en", 10_000));
        String buyer = buyer(buyerId);
        List<String> ids = placeUpTo(LIMIT, buyer);
        Map<String, Object> first = order(buyer, ids.get(0));

        assertTrue(telegram.pay((String) first.get("invoiceLink"), PayRequest.stars(buyerId)).isPaid());
        Eventually.value(() -> Optional.of(order(buyer, ids.get(0))).filter(o -> "PAID".equals(o.get("status"))));

        assertEquals(201, fixtures.place(buyer, "XTR", Map.of(gadget, 1)).status());
        assertEquals(429, fixtures.place(buyer, "XTR", Map.of(gadget, 1)).status(), "full again");
    }

    @Test
    void anOrderPastItsDeadlineNoLongerCountsBeforeTheSweepExpiresIt() {
        String buyer = buyer(newBuyerId());
        List<String> ids = placeUpTo(LIMIT, buyer);
        db.update("UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = ?",
                UUID.fromString(ids.get(0)));

        assertEquals(201, fixtures.place(buyer, "XTR", Map.of(gadget, 1)).status());
    }

    @Test
    void twentyParallelOrdersOfOneBuyerCreateExactlyTheLimit() throws Exception {
        long buyerId = newBuyerId();
        String buyer = buyer(buyerId);
        Object stockBefore = fixtures.stockOf(gadget);

        List<Api.Reply> replies = Concurrently.all(IntStream.range(0, 20)
                .<Callable<Api.Reply>>mapToObj(i -> () -> fixtures.place(buyer, "XTR", Map.of(gadget, 1))).toList());

        Map<Integer, Long> byStatus = replies.stream()
                .collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()));
        assertEquals(Map.of(201, 5L, 429, 15L), byStatus);
        replies.stream().filter(r -> r.status() == 429)
                .forEach(r -> assertEquals("too-many-unpaid-orders", r.code()));
        assertEquals(LIMIT, db.count("SELECT count(*) FROM orders WHERE buyer_id = ?", buyerId));
        assertEquals(((Number) stockBefore).intValue() - LIMIT, fixtures.stockOf(gadget));
    }

    private List<String> placeUpTo(int count, String buyer) {
        return IntStream.range(0, count).mapToObj(i -> {
            Api.Reply placed = fixtures.place(buyer, "XTR", Map.of(gadget, 1));
            assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
            assertNotNull(placed.json().get("invoiceLink"));
            return (String) placed.json().get("id");
        }).toList();
    }

    private Map<String, Object> order(String buyer, String id) {
        return api.send(HttpRequest.GET("/api/orders/" + id).header("Authorization", buyer)).json();
    }

    /** Ids far from OrderFixtures' range, so a test's buyer has no orders but its own. */
    private static long newBuyerId() {
        return 6_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    private String buyer(long id) {
        return signer().header(id, "limits" + id, "en");
    }

    /** What placing an order writes or calls, for this buyer and the test's product. */
    private Written written(long buyerId) {
        return new Written(
                db.count("SELECT count(*) FROM orders WHERE buyer_id = ?", buyerId),
                db.count("SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.buyer_id = ?",
                        buyerId),
                db.count("SELECT count(*) FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.buyer_id = ?",
                        buyerId),
                db.text("SELECT last_seen_at::text FROM buyers WHERE telegram_user_id = ?", buyerId),
                fixtures.stockOf(gadget),
                telegram.calls().stream().filter(call -> call.method().equals("createInvoiceLink")).count());
    }

    private record Written(long orders, long lines, long events, String buyerLastSeen, Object stock,
                           long invoiceLinkCalls) {
    }
}
