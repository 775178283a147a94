package dev.starshop.fulfilment;

import dev.starshop.sandbox.PayRequest;
import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.support.SandboxTelegramTestBase;
import dev.starshop.support.ShopFixture;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Physical orders walked PACKED → SHIPPED → DELIVERED through the admin API, with the buyer's messages
 * read from their chat in the emulator; the refusals write nothing and send nothing.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@SuppressWarnings("unchecked")
class ShipmentStepsTest extends SandboxTelegramTestBase {

    private static final long ALICE = 100001;
    private static final long LI = 100003;
    private static final Map<String, String> ADDRESS = Map.of("country_code", "US", "state", "NY",
            "city", "New York", "street_line1", "1 Main St", "street_line2", "Apt 4", "post_code", "10001");

    @Inject
    DataSource dataSource;

    @Inject
    Shipments shipments;

    private Db db;
    private String mug;

    @BeforeEach
    void shop() {
        db = new Db(dataSource);
        telegram.setBalance(LI, 100_000);
        mug = ShopFixture.product("mug").title("Star mug").kind("PHYSICAL").stock(100)
                .price("XTR", 400).price("USD", 1200).create(api);
    }

    @Test
    void anEnglishBuyerHearsOfEachStepAndTheOrderEndsFulfilled() {
        String alice = signer().header(ALICE, "alice", "en");
        String order = payByCard(alice, ALICE);

        Map<String, Object> view = api.admin(HttpRequest.GET(fulfilment(order))).json();
        assertEquals(Map.of("countryCode", "US", "state", "NY",
                "city", "New York", "streetLine1", "1 Main St", "streetLine2", "Apt 4", "postCode", "10001"),
                withoutNulls(view.get("shipTo")), "the address the buyer gave in the invoice sheet");
        assertEquals(List.of(Map.of("sku", mug, "title", "Star mug", "kind", "PHYSICAL", "quantity", 2)),
                view.get("packingList"));
        assertEquals("PACKED", view.get("nextStep"));

        assertEquals(200, mark(order, Map.of("step", "PACKED")).status());
        assertEquals(200, mark(order, Map.of("step", "SHIPPED", "carrier", "DHL", "trackingNumber", "JD0146000",
                "trackingUrl", "https://track.example/JD0146000")).status());
        assertEquals("PAID", buyerSees(alice, order).get("status"), "shipped is not yet fulfilled");
        assertEquals(200, mark(order, Map.of("step", "DELIVERED")).status());

        String shortId = order.substring(0, 8);
        assertEquals(List.of(
                "Your order #" + shortId + " is packed and will be on its way soon.",
                "Your order #" + shortId + " has shipped with DHL. Tracking number: JD0146000\n"
                        + "Track it: https://track.example/JD0146000",
                "Your order #" + shortId + " has been delivered. Thank you for shopping with us!"),
                awaitChat(ALICE, shortId, 3));
        assertEquals("FULFILLED", buyerSees(alice, order).get("status"));
        Map<String, Object> done = api.admin(HttpRequest.GET(fulfilment(order))).json();
        assertNull(done.get("nextStep"));
        assertEquals(List.of("PACKED", "SHIPPED", "DELIVERED"),
                ((List<Map<String, Object>>) done.get("steps")).stream().map(s -> s.get("step")).toList());

        // What My purchases shows for the line: the latest step, still with how it travelled.
        ShipmentStatus latest = shipments.latest(List.of(UUID.fromString(order), UUID.randomUUID()))
                .get(UUID.fromString(order));
        assertEquals(ShipmentStep.DELIVERED, latest.step());
        assertEquals(List.of("DHL", "JD0146000", "https://track.example/JD0146000"),
                List.of(latest.carrier(), latest.trackingNumber(), latest.trackingUrl()));
    }

    @Test
    void aChineseBuyerHearsOfEachStepInChinese() {
        String li = signer().header(LI, "li", "zh-hans");
        String order = payWithStars(li, LI);

        mark(order, Map.of("step", "PACKED"));
        mark(order, Map.of("step", "SHIPPED", "carrier", "顺丰", "trackingNumber", "SF1234567"));
        mark(order, Map.of("step", "DELIVERED"));

        String shortId = order.substring(0, 8);
        assertEquals(List.of(
                "您的订单 #" + shortId + " 已打包，即将发货。",
                "您的订单 #" + shortId + " 已由 顺丰 发出。运单号：SF1234567",
                "您的订单 #" + shortId + " 已送达。感谢您的惠顾！"),
                awaitChat(LI, shortId, 3));
        assertEquals("FULFILLED", buyerSees(li, order).get("status"));
    }

    @Test
    void stepsOutOfOrderAreRefusedAndNothingIsWrittenOrSent() {
        String li = signer().header(LI, "li", "zh-hans");
        String order = payWithStars(li, LI);

        Api.Reply shippedFirst = mark(order, Map.of("step", "SHIPPED", "carrier", "DHL", "trackingNumber", "1"));
        assertEquals(409, shippedFirst.status());
        assertEquals("step-out-of-order", shippedFirst.code());
        assertEquals("PACKED", shippedFirst.json().get("nextStep"));
        assertEquals(422, mark(order, Map.of("step", "PACKED", "carrier", "DHL")).status(), "tracking on PACKED");
        assertEquals(422, mark(order, Map.of("step", "LOST")).status());
        assertNothingFor(order);

        assertEquals(200, mark(order, Map.of("step", "PACKED")).status());
        Api.Reply again = mark(order, Map.of("step", "PACKED"));
        assertEquals(409, again.status(), "a step is set once");
        assertEquals("step-out-of-order", again.code());
        Api.Reply delivered = mark(order, Map.of("step", "DELIVERED"));
        assertEquals("step-out-of-order", delivered.code(), "DELIVERED before SHIPPED");
        assertEquals("SHIPPED", delivered.json().get("nextStep"));
        assertEquals(422, mark(order, Map.of("step", "SHIPPED", "carrier", "DHL")).status(), "no tracking number");
        Api.Reply http = mark(order, Map.of("step", "SHIPPED", "carrier", "DHL", "trackingNumber", "1",
                "trackingUrl", "http://track.example/1"));
        assertEquals(422, http.status(), "https only");
        assertEquals("invalid-request", http.code());
        assertEquals(1, db.count("SELECT count(*) FROM shipment_steps WHERE order_id = ?::uuid", order));
        assertEquals(1, db.count("SELECT count(*) FROM bot_outbox WHERE dedupe_key LIKE ?", "shipment:" + order + "%"));
        assertEquals("PAID", buyerSees(li, order).get("status"));
    }

    @Test
    void refundedUnpaidAndDigitalOnlyOrdersHaveNoSteps() {
        String li = signer().header(LI, "li", "zh-hans");
        String refunded = payWithStars(li, LI);
        assertEquals(200, api.admin(HttpRequest.POST("/api/admin/orders/" + refunded + "/refund", Map.of())).status());
        Eventually.until(() -> "REFUNDED".equals(buyerSees(li, refunded).get("status")));
        String unpaid = (String) place(li, mug, "XTR").get("id");
        String ebook = ShopFixture.product("ebook").title("E-book").kind("DIGITAL").price("XTR", 50).create(api);
        String digital = payWithStars(li, LI, ebook);

        for (String order : List.of(refunded, unpaid, digital)) {
            Api.Reply refused = mark(order, Map.of("step", "PACKED"));
            assertEquals(409, refused.status(), order);
            assertEquals("order-not-shippable", refused.code());
            assertNothingFor(order);
        }
        assertEquals(404, mark(UUID.randomUUID().toString(), Map.of("step", "PACKED")).status());
    }

    @Test
    void manyOrdersAreMarkedTogetherOrNotAtAll() {
        String li = signer().header(LI, "li", "zh-hans");
        String first = payWithStars(li, LI);
        String second = payWithStars(li, LI);
        String notPacked = payWithStars(li, LI);

        Api.Reply packed = markMany(Map.of("orderIds", List.of(first, second), "step", "PACKED"));
        assertEquals(200, packed.status(), () -> String.valueOf(packed.body()));
        assertEquals(List.of(first, second), ((List<Map<String, Object>>) packed.json().get("orders")).stream()
                .map(o -> o.get("orderId")).toList());

        Api.Reply refused = markMany(Map.of("orderIds", List.of(first, notPacked, second), "step", "SHIPPED",
                "carrier", "EMS", "trackingNumber", "EE123"));
        assertEquals(409, refused.status());
        assertEquals(notPacked, refused.json().get("orderId"), "the problem names the order that stopped it");
        assertEquals(0, db.count("SELECT count(*) FROM shipment_steps WHERE step = 'SHIPPED' AND order_id IN "
                + "(?::uuid, ?::uuid)", first, second), "all or nothing");
        assertNothingFor(notPacked);

        assertEquals(422, markMany(Map.of("orderIds", List.of(first, first), "step", "SHIPPED")).status());
        assertEquals(422, markMany(Map.of("orderIds", List.of(), "step", "PACKED")).status());
        Api.Reply shipped = markMany(Map.of("orderIds", List.of(first, second), "step", "SHIPPED",
                "carrier", "EMS", "trackingNumber", "EE123"));
        assertEquals(200, shipped.status());
        String shortId = second.substring(0, 8);
        List<String> chat = awaitChat(LI, shortId, 2);
        assertEquals(List.of("您的订单 #" + shortId + " 已打包，即将发货。", "您的订单 #" + shortId + " 已由 EMS 发出。运单号：EE123"),
                chat);
    }

    private void assertNothingFor(String order) {
        assertEquals(0, db.count("SELECT count(*) FROM shipment_steps WHERE order_id = ?::uuid", order));
        assertEquals(0, db.count("SELECT count(*) FROM bot_outbox WHERE dedupe_key LIKE ?", "shipment:" + order + "%"));
    }

    private String payByCard(String buyer, long userId) {
        Map<String, Object> order = place(buyer, mug, "USD", 2);
        assertTrue(telegram.pay((String) order.get("invoiceLink"), new PayRequest(userId, "card",
                "4242 4242 4242 4242", ADDRESS, "standard", null, "Alice Example", "+15550100", null, null)).isPaid());
        return awaitPaid(buyer, order);
    }

    private String payWithStars(String buyer, long userId) {
        return payWithStars(buyer, userId, mug);
    }

    private String payWithStars(String buyer, long userId, String sku) {
        Map<String, Object> order = place(buyer, sku, "XTR");
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(userId)).isPaid());
        return awaitPaid(buyer, order);
    }

    private String awaitPaid(String buyer, Map<String, Object> order) {
        String id = (String) order.get("id");
        Eventually.until(() -> "PAID".equals(buyerSees(buyer, id).get("status")));
        return id;
    }

    private Map<String, Object> place(String buyer, String sku, String currency) {
        return place(buyer, sku, currency, 1);
    }

    private Map<String, Object> place(String buyer, String sku, String currency, int quantity) {
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", currency,
                "items", List.of(Map.of("sku", sku, "quantity", quantity)))).header("Authorization", buyer));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json();
    }

    private Map<String, Object> buyerSees(String buyer, String order) {
        return api.send(HttpRequest.GET("/api/orders/" + order).header("Authorization", buyer)).json();
    }

    private Api.Reply mark(String order, Map<String, Object> body) {
        return api.admin(HttpRequest.POST(fulfilment(order), body));
    }

    private Api.Reply markMany(Map<String, Object> body) {
        return api.admin(HttpRequest.POST("/api/admin/orders/fulfilment", body));
    }

    private static String fulfilment(String order) {
        return "/api/admin/orders/" + order + "/fulfilment";
    }

    /** The bot's messages about this order in the user's chat, once {@code count} have arrived. */
    private List<String> awaitChat(long userId, String shortId, int count) {
        return Eventually.value(() -> Optional.of(telegram.messages(userId).stream()
                        .map(m -> (String) m.get("text"))
                        .filter(text -> text != null && text.contains("#" + shortId) && isShipment(text))
                        .toList())
                .filter(texts -> texts.size() >= count));
    }

    private static boolean isShipment(String text) {
        return text.contains("packed") || text.contains("shipped") || text.contains("delivered")
                || text.contains("打包") || text.contains("发出") || text.contains("送达");
    }

    private static Map<String, Object> withoutNulls(Object map) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
