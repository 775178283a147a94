package dev.starshop.backoffice.reconciliation;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxUser;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.SandboxTelegramTestBase;
import dev.starshop.support.ShopFixture;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static dev.starshop.backoffice.reconciliation.ReconciliationRuns.findingsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation of Stars subscriptions against the emulator: a renewal charged back, and a first
 * subscription payment whose update was lost. Each test has a buyer of its own, because the
 * database and the emulator are shared with other test classes.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class SubscriptionReconciliationTest extends SandboxTelegramTestBase {

    /** The emulator's (and Telegram's only) subscription period: 30 days. */
    private static final Duration PERIOD = Duration.ofSeconds(2_592_000L);

    long buyerId;
    String buyer;

    @BeforeEach
    void setUp() {
        buyerId = 300_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
        telegram.createUser(new SandboxUser(buyerId, "Sub", "sub" + buyerId, "en", 1_000));
        buyer = signer().header(buyerId, "sub" + buyerId, "en");
    }

    @Test
    void aChargedBackRenewalBecomesAChargebackOfThatRenewal() {
        Map<String, Object> first = subscriptionOrder(70);
        PayOutcome paid = telegram.pay((String) first.get("invoiceLink"), PayRequest.stars(buyerId));
        assertTrue(paid.isPaid(), paid.toString());
        Eventually.until(() -> subscriptionsOfBuyer().size() == 1);
        PayOutcome renewal = telegram.renewSubscription(paid.telegramPaymentChargeId());
        assertTrue(renewal.isPaid(), renewal.toString());
        String renewalCharge = renewal.telegramPaymentChargeId();
        Object renewalOrder = Eventually.value(() -> ordersOf().stream()
                .filter(o -> !o.get("id").equals(first.get("id")) && "PAID".equals(o.get("status")))
                .map(o -> o.get("id")).findFirst());
        assertTrue(telegram.chargeback(renewalCharge));

        Map<String, Object> run = run();

        assertEquals(List.of(Map.of("kind", "CHARGEBACK", "action", "RECORDED")), findingsFor(run, renewalCharge));
        String detail = detailFor(run, renewalCharge);
        assertTrue(detail.contains("order " + renewalOrder), detail);
        List<Map<String, Object>> ledger = ledgerFor(renewalOrder);
        assertEquals(List.of("RENEWAL", "CHARGEBACK"), ledger.stream().map(t -> t.get("kind")).toList());
        assertEquals(ledger.get(0).get("id"), ledger.get(1).get("reversesTransactionId"));
        assertEquals(renewalCharge, ledger.get(1).get("telegramChargeId"));
        assertEquals(List.of(Map.of("account", "chargebacks", "amount", 70), Map.of("account",
                "telegram_stars_receivable", "amount", -70)), postings(ledger.get(1)));
        assertEquals(List.of("PAYMENT"), ledgerFor(first.get("id")).stream().map(t -> t.get("kind")).toList(),
                "the first payment is not touched");

        assertEquals(List.of(), findingsFor(run(), renewalCharge), "a second run adds nothing");
        assertEquals(2, ledgerFor(renewalOrder).size());
    }

    @Test
    void aLostFirstSubscriptionPaymentStartsTheSubscription() {
        Map<String, Object> order = subscriptionOrder(80);
        telegram.faults().loseUpdates("successful_payment", 1);
        PayOutcome paid = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(buyerId));
        assertTrue(paid.isPaid(), paid.toString());
        String charge = paid.telegramPaymentChargeId();
        assertEquals("PENDING_PAYMENT", orderNow(order.get("id")).get("status"));
        assertEquals(List.of(), subscriptionsOfBuyer());

        Map<String, Object> run = run();

        assertEquals(List.of(Map.of("kind", "MISSING_PAYMENT", "action", "RECORDED")), findingsFor(run, charge));
        assertEquals("PAID", orderNow(order.get("id")).get("status"));
        List<Map<String, Object>> ledger = ledgerFor(order.get("id"));
        assertEquals(List.of("PAYMENT"), ledger.stream().map(t -> t.get("kind")).toList());
        Instant paidAt = Instant.parse((String) ledger.get(0).get("occurredAt"));
        List<Map<String, Object>> subscriptions = subscriptionsOfBuyer();
        assertEquals(1, subscriptions.size(), subscriptions::toString);
        Map<String, Object> subscription = subscriptions.get(0);
        assertEquals("ACTIVE", subscription.get("status"));
        assertEquals(order.get("id"), subscription.get("firstOrderId"));
        assertEquals(80, ((Number) subscription.get("amount")).longValue());
        assertEquals(paidAt.plus(PERIOD), Instant.parse((String) subscription.get("expiresAt")));

        assertEquals(List.of(), findingsFor(run(), charge), "a second run adds nothing");
        assertEquals(1, subscriptionsOfBuyer().size());
        assertEquals(1, ledgerFor(order.get("id")).size());
    }

    private Map<String, Object> subscriptionOrder(long stars) {
        String sku = ShopFixture.product("club-reconcile").title("Reconciled club").description("Monthly perks.")
                .kind("SUBSCRIPTION").price("XTR", stars).create(api);
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", sku, "quantity", 1)))).header("Authorization", buyer));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json();
    }

    private Map<String, Object> run() {
        return ReconciliationRuns.start(api);
    }

    @SuppressWarnings("unchecked")
    private static String detailFor(Map<String, Object> run, String charge) {
        return ((List<Map<String, Object>>) run.get("findings")).stream()
                .filter(f -> charge.equals(f.get("telegramPaymentChargeId"))).map(f -> (String) f.get("detail"))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> postings(Map<String, Object> transaction) {
        return ((List<Map<String, Object>>) transaction.get("postings")).stream()
                .map(p -> Map.of("account", p.get("account"), "amount", ((Number) p.get("amount")).intValue()))
                .toList();
    }

    private Map<String, Object> orderNow(Object orderId) {
        return api.send(HttpRequest.GET("/api/orders/" + orderId).header("Authorization", buyer)).json();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> ordersOf() {
        return (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/orders").header("Authorization", buyer))
                .json().get("orders");
    }

    private List<Map<String, Object>> ledgerFor(Object orderId) {
        return api.admin(HttpRequest.GET("/api/admin/ledger/transactions?orderId=" + orderId)).list();
    }

    private List<Map<String, Object>> subscriptionsOfBuyer() {
        return api.admin(HttpRequest.GET("/api/admin/subscriptions")).list().stream()
                .filter(s -> ((Number) s.get("buyerId")).longValue() == buyerId).toList();
    }
}
