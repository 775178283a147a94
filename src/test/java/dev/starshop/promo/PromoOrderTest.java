package dev.starshop.promo;

import dev.starshop.support.Api;
import dev.starshop.support.Concurrently;
import dev.starshop.support.Db;
import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Promo codes through the admin API and POST /api/orders: the discount each kind gives, each
 * refusal (422, nothing written) and the use limits under races.
 */
@MicronautTest(transactional = false)
class PromoOrderTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    Api api;
    PromoFixture promo;
    Db db;

    @BeforeEach
    void openTheShop() {
        api = new Api(http);
        promo = new PromoFixture(api, InitDataSigner.forToken(bot.token()));
        db = new Db(dataSource);
    }

    @Test
    void aPercentCodeInStarsRoundsTheDiscountDownToWholeStars() {
        String sku = promo.product(100, 250);
        String code = PromoFixture.codeName("save15");
        promo.code(code, "percentOff", 15);
        String buyer = promo.buyer(promo.newBuyerId());

        Api.Reply placed = promo.order(buyer, "XTR", sku, 3, "  " + code + " ");

        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        Map<String, Object> order = placed.json();
        assertEquals(300, order.get("subtotalAmount"));
        assertEquals(45, order.get("discountAmount"));
        assertEquals(255, order.get("totalAmount"));
        assertEquals(code.toUpperCase(), order.get("promoCode"));
        Map<String, Object> again = api.send(HttpRequest.GET("/api/orders/" + order.get("id"))
                .header("Authorization", buyer)).json();
        assertEquals(List.of(300, 45, 255, code.toUpperCase()), List.of(again.get("subtotalAmount"),
                again.get("discountAmount"), again.get("totalAmount"), again.get("promoCode")));

        Api.Reply odd = promo.order(buyer, "XTR", sku, 1, code);
        assertEquals(15, odd.json().get("discountAmount"), "15% of 100");
        String third = PromoFixture.codeName("third");
        promo.code(third, "percentOff", 33);
        assertEquals(33, promo.order(buyer, "XTR", sku, 1, third).json().get("discountAmount"), "33.0 of 100");
        assertEquals(49, promo.order(buyer, "XTR", promo.product(149, 250), 1, third).json().get("discountAmount"),
                "33% of 149 is 49.17: rounded down");
    }

    @Test
    void aFixedCodeInACardCurrencyTakesItsAmountAndNeverGoesBelowTelegramsMinimum() {
        String sku = promo.product(100, 250);
        String code = PromoFixture.codeName("two-off");
        promo.code(code, "amountsOff", Map.of("USD", 100, "XTR", 20));
        String buyer = promo.buyer(promo.newBuyerId());

        Map<String, Object> usd = promo.order(buyer, "USD", sku, 2, code).json();
        Map<String, Object> stars = promo.order(buyer, "XTR", sku, 1, code).json();

        assertEquals(List.of(500, 100, 400, "4.00 USD"), List.of(usd.get("subtotalAmount"), usd.get("discountAmount"),
                usd.get("totalAmount"), usd.get("totalDisplay")));
        assertEquals(List.of(100, 20, 80), List.of(stars.get("subtotalAmount"), stars.get("discountAmount"),
                stars.get("totalAmount")));
        String everything = PromoFixture.codeName("free");
        promo.code(everything, "percentOff", 100);
        Map<String, Object> free = promo.order(buyer, "USD", sku, 1, everything).json();
        assertEquals(List.of(250, 150, 100), List.of(free.get("subtotalAmount"), free.get("discountAmount"),
                free.get("totalAmount")), "100% leaves Telegram's minimum for USD, 1.00");
        Map<String, Object> freeStars = promo.order(buyer, "XTR", sku, 1, everything).json();
        assertEquals(1, freeStars.get("totalAmount"), "and 1 Star in Stars");
    }

    @Test
    void anOrderWithoutACodeShowsNoDiscount() {
        Map<String, Object> order = promo.order(promo.buyer(promo.newBuyerId()), "XTR", promo.product(100, 250), 1,
                null).json();
        assertEquals(List.of(100, 0, 100), List.of(order.get("subtotalAmount"), order.get("discountAmount"),
                order.get("totalAmount")));
        assertNull(order.get("promoCode"));
    }

    @Test
    void eachRefusalIsItsOwnProblemAndWritesNothing() {
        String sku = promo.product(100, 250);
        String other = promo.product(100, 250);
        Instant now = Instant.now();
        String expired = promo.code(PromoFixture.codeName("old"), "percentOff", 10,
                "startsAt", now.minusSeconds(7200).toString(), "endsAt", now.minusSeconds(3600).toString())
                .get("code").toString();
        Map<String, Object> withdrawn = promo.code(PromoFixture.codeName("gone"), "percentOff", 10);
        promo.deactivate(withdrawn.get("id"));
        String minimum = promo.code(PromoFixture.codeName("min"), "percentOff", 10,
                "minimumOrder", Map.of("XTR", 500)).get("code").toString();
        String scoped = promo.code(PromoFixture.codeName("only"), "percentOff", 10, "skus", List.of(other))
                .get("code").toString();
        String usdOnly = promo.code(PromoFixture.codeName("usd"), "amountsOff", Map.of("USD", 50))
                .get("code").toString();
        String future = promo.code(PromoFixture.codeName("soon"), "percentOff", 10,
                "startsAt", now.plusSeconds(3600).toString()).get("code").toString();
        Map<String, Object> once = promo.code(PromoFixture.codeName("once"), "percentOff", 10, "maxUses", 1);
        assertEquals(201, promo.order(promo.buyer(promo.newBuyerId()), "XTR", sku, 1, once.get("code").toString())
                .status());
        long buyerId = promo.newBuyerId();
        String buyer = promo.buyer(buyerId);

        assertRefused(promo.order(buyer, "XTR", sku, 1, "NO-SUCH-CODE"), "promo-unknown", "no promo code");
        assertRefused(promo.order(buyer, "XTR", sku, 1, "x"), "promo-unknown", "no promo code");
        assertRefused(promo.order(buyer, "XTR", sku, 1, expired), "promo-expired", "expired at");
        assertRefused(promo.order(buyer, "XTR", sku, 1, withdrawn.get("code").toString()), "promo-expired",
                "withdrawn");
        assertRefused(promo.order(buyer, "XTR", sku, 1, once.get("code").toString()), "promo-exhausted",
                "used up");
        assertRefused(promo.order(buyer, "XTR", sku, 4, minimum), "promo-minimum-not-met",
                "at least 500 ⭐; this one comes to 400 ⭐");
        assertRefused(promo.order(buyer, "XTR", sku, 1, scoped), "promo-out-of-scope", "out of scope");
        assertRefused(promo.order(buyer, "XTR", sku, 1, usdOnly), "promo-not-applicable", "not valid for payments in XTR");
        assertRefused(promo.order(buyer, "XTR", sku, 1, future), "promo-not-applicable", "valid from");

        assertEquals(0, db.count("SELECT count(*) FROM orders WHERE buyer_id = ?", buyerId), "no order");
        assertEquals(0, db.count("SELECT count(*) FROM promo_redemptions WHERE buyer_id = ?", buyerId), "no use");
        assertEquals(0, db.count("SELECT count(*) FROM buyers WHERE telegram_user_id = ?", buyerId), "no buyer row");
        assertEquals(201, promo.order(buyer, "XTR", other, 1, scoped).status(), "the scoped code fits its product");
    }

    @Test
    void aCategoryPercentCodeTakesItsPercentOffTheLinesInItsCategoriesOnly() {
        String mugs = promo.category("mugs");
        String tees = promo.category("tees");
        String mug = promo.productIn(mugs, 149, 1299);
        String tee = promo.productIn(tees, 80, 999);
        String other = promo.product(100, 500);
        String code = promo.code(PromoFixture.codeName("cat33"), "percentOff", 33, "categories", List.of(tees, mugs))
                .get("code").toString();
        String buyer = promo.buyer(promo.newBuyerId());
        Map<String, Integer> cart = new java.util.LinkedHashMap<>();
        cart.put(other, 2);
        cart.put(mug, 1);
        cart.put(tee, 2);

        Map<String, Object> stars = placed(promo.order(buyer, "XTR", cart, code));
        Map<String, Object> usd = placed(promo.order(buyer, "USD", cart, code));

        assertEquals(List.of(509, 101, 408), amounts(stars),
                "33% of the 309 ⭐ in scope is 101.97: 101; the 200 ⭐ out of scope pay full price");
        assertEquals(List.of(4297, 1088, 3209), amounts(usd), "33% of 32.97 USD in scope is 10.8801: 10.88");
        assertEquals(Map.of(other, 0L, mug, 49L, tee, 52L), lineDiscounts(stars.get("id")),
                "101 shared 149:160 is 48.70 and 52.30: the larger fraction cut off gets the Star left over");
        assertEquals(Map.of(other, 0L, mug, 429L, tee, 659L), lineDiscounts(usd.get("id")),
                "1088 shared 1299:1998 is 428.67 and 659.33, exact to the cent");
    }

    @Test
    void aCategoryFixedCodeIsCappedAtTheLinesInScopeAndSharedToTheMinorUnit() {
        String books = promo.category("books");
        String first = promo.productIn(books, 100, 100);
        String second = promo.productIn(books, 100, 100);
        String third = promo.productIn(books, 100, 100);
        String other = promo.product(100, 5000);
        String code = promo.code(PromoFixture.codeName("catfix"), "amountsOff", Map.of("USD", 100, "XTR", 500),
                "categories", List.of(books)).get("code").toString();
        String buyer = promo.buyer(promo.newBuyerId());
        Map<String, Integer> cart = new java.util.LinkedHashMap<>();
        cart.put(first, 1);
        cart.put(second, 1);
        cart.put(third, 1);
        cart.put(other, 1);

        Map<String, Object> usd = placed(promo.order(buyer, "USD", cart, code));
        Map<String, Object> stars = placed(promo.order(buyer, "XTR", Map.of(first, 2, other, 1), code));

        assertEquals(List.of(5300, 100, 5200), amounts(usd));
        assertEquals(Map.of(first, 34L, second, 33L, third, 33L, other, 0L), lineDiscounts(usd.get("id")),
                "1.00 over three equal lines: 0.34, 0.33, 0.33 (the earliest line takes the cent left over)");
        assertEquals(List.of(300, 200, 100), amounts(stars), "500 ⭐ off, capped at the 200 ⭐ in scope");
        assertEquals(Map.of(first, 200L, other, 0L), lineDiscounts(stars.get("id")));
    }

    @Test
    void aCategoryCodeWithNothingOfItsCategoriesInTheCartIsOutOfScopeAndWritesNothing() {
        String toys = promo.category("toys");
        promo.productIn(toys, 100, 500);
        String other = promo.product(100, 500);
        String code = promo.code(PromoFixture.codeName("toys"), "percentOff", 10, "categories", List.of(toys))
                .get("code").toString();
        long buyerId = promo.newBuyerId();

        assertRefused(promo.order(promo.buyer(buyerId), "XTR", other, 1, code), "promo-out-of-scope",
                "out of scope for this order: it applies only to products in the categories " + toys);

        assertEquals(0, db.count("SELECT count(*) FROM orders WHERE buyer_id = ?", buyerId), "no order");
        assertEquals(0, db.count("SELECT count(*) FROM promo_redemptions WHERE buyer_id = ?", buyerId), "no use");
    }

    @Test
    void aCategoryScopeMustNameExistingCategoriesAndCannotBeMixedWithSkus() {
        String pens = promo.category("pens");
        String name = PromoFixture.codeName("cats");
        Map<String, Object> created = promo.code(name, "percentOff", 5, "categories", List.of(pens));
        assertEquals(List.of("CATEGORIES", List.of(pens), List.of()), List.of(created.get("scope"),
                created.get("categories"), created.get("skus")));
        assertEquals(List.of(pens), promo.view(created.get("id")).get("categories"));

        String unknown = PromoFixture.codeName("nocat");
        Api.Reply refused = promo.create(Map.of("code", unknown, "percentOff", 5,
                "categories", List.of(pens, "no-such-category")));
        assertEquals(422, refused.status());
        assertEquals("unknown-category", refused.code());
        assertTrue(refused.json().get("detail").toString().contains("'no-such-category'"));
        assertEquals("invalid-request", promo.create(Map.of("code", PromoFixture.codeName("mixed"), "percentOff", 5,
                "categories", List.of(pens), "skus", List.of("a-sku"))).code());
        String blank = PromoFixture.codeName("blank");
        assertEquals(422, promo.create(Map.of("code", blank, "percentOff", 5, "categories", List.of(" "))).status());
        assertEquals(0, db.count("SELECT count(*) FROM promo_codes WHERE code IN (?, ?)", unknown.toUpperCase(),
                blank.toUpperCase()), "nothing written");
    }

    @Test
    void twentyBuyersRacingForAFiveUseCodeGetExactlyFive() throws Exception {
        String sku = promo.product(100, 250);
        Map<String, Object> code = promo.code(PromoFixture.codeName("race"), "percentOff", 10, "maxUses", 5);
        List<String> buyers = IntStream.range(0, 20).mapToObj(i -> promo.buyer(promo.newBuyerId())).toList();

        List<Api.Reply> replies = Concurrently.all(buyers.stream()
                .<Callable<Api.Reply>>map(buyer -> () -> promo.order(buyer, "XTR", sku, 1, code.get("code").toString()))
                .toList());

        assertEquals(Map.of(201, 5L, 422, 15L), replies.stream()
                .collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting())));
        replies.stream().filter(r -> r.status() == 422).forEach(r -> assertEquals("promo-exhausted", r.code()));
        assertEquals(5L, ((Number) promo.view(code.get("id")).get("usesHeld")).longValue());
    }

    @Test
    void oneBuyerRacingWithAPerBuyerLimitOfTwoGetsTwo() throws Exception {
        String sku = promo.product(100, 250);
        String code = promo.code(PromoFixture.codeName("twice"), "percentOff", 10, "maxUsesPerBuyer", 2)
                .get("code").toString();
        String buyer = promo.buyer(promo.newBuyerId());

        List<Api.Reply> replies = Concurrently.all(IntStream.range(0, 5)
                .<Callable<Api.Reply>>mapToObj(i -> () -> promo.order(buyer, "XTR", sku, 1, code)).toList());

        assertEquals(Map.of(201, 2L, 422, 3L), replies.stream()
                .collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting())));
        replies.stream().filter(r -> r.status() == 422).forEach(r -> {
            assertEquals("promo-exhausted", r.code());
            assertTrue(r.json().get("detail").toString().contains("already used this code 2 times"));
        });
        assertEquals(201, promo.order(promo.buyer(promo.newBuyerId()), "XTR", sku, 1, code).status(),
                "another buyer still can");
    }

    @Test
    void aCancelledOrderGivesItsUseBack() {
        String sku = promo.product(100, 250);
        Map<String, Object> code = promo.code(PromoFixture.codeName("back"), "percentOff", 10, "maxUses", 1);
        String first = promo.buyer(promo.newBuyerId());
        String second = promo.buyer(promo.newBuyerId());
        Map<String, Object> order = promo.order(first, "XTR", sku, 1, code.get("code").toString()).json();
        assertEquals("promo-exhausted", promo.order(second, "XTR", sku, 1, code.get("code").toString()).code());

        assertEquals(200, api.send(HttpRequest.POST("/api/orders/" + order.get("id") + "/cancel", "")
                .header("Authorization", first)).status());

        assertEquals(201, promo.order(second, "XTR", sku, 1, code.get("code").toString()).status());
    }

    @Test
    void theAdminApiIsStrictAndCodesIgnoreCase() {
        String name = PromoFixture.codeName("admin");
        Map<String, Object> created = promo.code(name, "percentOff", 20, "maxUses", 10, "maxUsesPerBuyer", 1,
                "minimumOrder", Map.of("USD", 500), "skus", List.of("b-sku", "a-sku"));

        assertEquals(name.toUpperCase(), created.get("code"));
        assertEquals(List.of("PERCENT", "SKUS", List.of("a-sku", "b-sku"), Map.of("USD", 500), true, 0),
                List.of(created.get("kind"), created.get("scope"), created.get("skus"), created.get("minimumOrder"),
                        created.get("active"), created.get("usesHeld")));
        assertEquals(409, promo.create(Map.of("code", name.toLowerCase(), "percentOff", 5)).status());
        assertEquals("malformed-request", promo.create(Map.of("code", PromoFixture.codeName("typo"), "percent", 5)).code(),
                "an unknown field is refused");
        assertEquals("invalid-request", promo.create(Map.of("code", PromoFixture.codeName("both"), "percentOff", 5,
                "amountsOff", Map.of("USD", 100))).code());
        assertEquals("invalid-request", promo.create(Map.of("code", PromoFixture.codeName("none"))).code());
        assertEquals("invalid-request", promo.create(Map.of("code", PromoFixture.codeName("pct"), "percentOff", 101)).code());
        assertEquals("invalid-request", promo.create(Map.of("code", "no spaces allowed", "percentOff", 5)).code());
        assertEquals("unsupported-currency", promo.create(Map.of("code", PromoFixture.codeName("cur"),
                "amountsOff", Map.of("ZZZ", 100))).code());
        assertEquals("invalid-request", promo.create(Map.of("code", PromoFixture.codeName("win"), "percentOff", 5,
                "startsAt", "2026-02-01T00:00:00Z", "endsAt", "2026-01-01T00:00:00Z")).code());
        assertEquals(401, api.send(HttpRequest.GET("/api/admin/promo-codes")).status());

        assertEquals(false, promo.deactivate(created.get("id")).json().get("active"));
        assertTrue(api.admin(HttpRequest.GET("/api/admin/promo-codes")).list().stream()
                .anyMatch(view -> name.toUpperCase().equals(view.get("code")) && Boolean.FALSE.equals(view.get("active"))));
        assertEquals(404, api.admin(HttpRequest.GET("/api/admin/promo-codes/999999999")).status());
    }

    private static Map<String, Object> placed(Api.Reply reply) {
        assertEquals(201, reply.status(), () -> String.valueOf(reply.body()));
        return reply.json();
    }

    private static List<Object> amounts(Map<String, Object> order) {
        return List.of(order.get("subtotalAmount"), order.get("discountAmount"), order.get("totalAmount"));
    }

    /** Each line's share of the order's discount as stored, by SKU. */
    private Map<String, Long> lineDiscounts(Object orderId) {
        String shares = db.text("SELECT string_agg(sku || '=' || discount_amount, ',') FROM order_lines "
                + "WHERE order_id = ?::uuid", orderId.toString());
        return java.util.Arrays.stream(shares.split(",")).map(share -> share.split("="))
                .collect(Collectors.toMap(share -> share[0], share -> Long.parseLong(share[1])));
    }

    private static void assertRefused(Api.Reply reply, String code, String detailPart) {
        assertEquals(422, reply.status(), () -> String.valueOf(reply.body()));
        assertEquals(code, reply.code());
        String detail = String.valueOf(reply.json().get("detail"));
        assertTrue(detail.contains(detailPart), detail);
    }
}
