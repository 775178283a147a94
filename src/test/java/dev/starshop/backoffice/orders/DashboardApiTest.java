package dev.starshop.backoffice.orders;

import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxUser;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.SandboxTelegramTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/admin/dashboard against the real database, with orders paid through the Telegram
 * emulator. The database is shared with other test classes, so numbers are compared before and
 * after this test's own orders.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class DashboardApiTest extends SandboxTelegramTestBase {

    AdminOrderFixture shop;

    @BeforeEach
    void openTheShop() {
        shop = new AdminOrderFixture(api, signer());
    }

    @Test
    void paidOrdersShowPerDayPerCurrencyAndInTheFunnel() {
        long buyerId = AdminOrderFixture.newBuyerId();
        telegram.createUser(new SandboxUser(buyerId, "Dash", "dash" + buyerId, "en", 1_000));
        String buyer = shop.buyer(buyerId);
        String sku = shop.product();
        Map<String, Object> stars = shop.place(buyer, "XTR", sku);
        String day = Instant.parse((String) stars.get("createdAt")).toString().substring(0, 10);
        Map<String, Object> before = dashboard("from=" + day + "&to=" + day);

        pay(shop.place(buyer, "XTR", sku), PayRequest.stars(buyerId));
        pay(shop.place(buyer, "XTR", sku), PayRequest.stars(buyerId));
        pay(shop.place(buyer, "USD", sku), PayRequest.card(buyerId, "4242 4242 4242 4242"));
        shop.place(buyer, "USD", sku);

        Map<String, Object> after = dashboard("from=" + day + "&to=" + day);
        assertEquals(day, after.get("from"));
        assertEquals(day, after.get("to"));
        assertEquals(sales(before, day, "XTR") + 160, sales(after, day, "XTR"));
        assertEquals(sales(before, day, "USD") + 250, sales(after, day, "USD"));
        assertEquals(dayOrders(before, day, "XTR") + 2, dayOrders(after, day, "XTR"));
        assertEquals(dayOrders(before, day, "USD") + 1, dayOrders(after, day, "USD"));
        assertEquals(funnel(before, "created") + 4, funnel(after, "created"));
        assertEquals(funnel(before, "paid") + 3, funnel(after, "paid"));
        assertTrue(funnel(after, "fulfilled") <= funnel(after, "paid"));
        assertEquals(api.admin(HttpRequest.GET("/api/admin/orders/sales-by-source?from=" + day + "&to=" + day))
                .body(), after.get("salesBySource"));
    }

    @Test
    void withoutParametersItShowsTheLastThirtyDays() {
        Map<String, Object> body = dashboard("");
        Instant to = Instant.parse(body.get("to") + "T00:00:00Z");
        Instant from = Instant.parse(body.get("from") + "T00:00:00Z");
        assertEquals(29L * 86_400, to.getEpochSecond() - from.getEpochSecond());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2026-13-01", "from=2026-02-30", "to=2026-1-05", "from=yesterday",
            "from=2026-01-01T00:00:00Z", "from=+12026-01-01", "from=2026-03-02&to=2026-03-01",
            "from=2025-01-01&to=2026-01-02"})
    void aMalformedDayOrAPeriodOverAYearIsA400Problem(String query) {
        Api.Reply reply = api.admin(HttpRequest.GET("/api/admin/dashboard?" + query));
        assertEquals(400, reply.status(), () -> query + " → " + reply.body());
        assertEquals("malformed-request", reply.json().get("code"), () -> String.valueOf(reply.body()));
    }

    @Test
    void aFullYearIsAllowed() {
        assertEquals(200, api.admin(HttpRequest.GET("/api/admin/dashboard?from=2024-01-01&to=2024-12-31")).status());
    }

    private void pay(Map<String, Object> order, PayRequest payment) {
        assertTrue(telegram.pay((String) order.get("invoiceLink"), payment).isPaid());
        Eventually.value(() -> Optional.of(shop.detail(order.get("id"))).filter(d -> "PAID".equals(d.get("status"))));
    }

    private Map<String, Object> dashboard(String query) {
        Api.Reply reply = api.admin(HttpRequest.GET("/api/admin/dashboard?" + query));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        return reply.json();
    }

    private static long sales(Map<String, Object> body, String day, String currency) {
        return daySales(body, day, currency).map(row -> number(((Map<?, ?>) row.get("total")).get("amount")))
                .orElse(0L);
    }

    private static long dayOrders(Map<String, Object> body, String day, String currency) {
        return daySales(body, day, currency).map(row -> number(row.get("orders"))).orElse(0L);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> daySales(Map<String, Object> body, String day, String currency) {
        return ((List<Map<String, Object>>) body.get("salesPerDay")).stream()
                .filter(row -> day.equals(row.get("day")) && currency.equals(row.get("currency"))).findFirst();
    }

    private static long funnel(Map<String, Object> body, String step) {
        return number(((Map<?, ?>) body.get("funnel")).get(step));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
