package dev.starshop.backoffice.reconciliation;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.SandboxTelegramTestBase;
import dev.starshop.support.ShopFixture;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.RefundStarPayment;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.starshop.backoffice.reconciliation.ReconciliationRuns.findingsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation against the emulator with seeded discrepancies: a lost successful_payment update,
 * a refund made straight through the Bot API whose update was lost, and a chargeback. The
 * database is shared with other test classes, so every assertion is scoped to this test's charges.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class ReconciliationTest extends SandboxTelegramTestBase {

    private static final long BUYER = 100001;

    @Inject
    BotApiClient botApi;

    @Inject
    DataSource dataSource;

    @Inject
    RunLock runLock;

    String buyer;

    @BeforeEach
    void setUp() {
        buyer = signer().header(BUYER, "user" + BUYER, "en");
    }

    @Test
    void aPaymentWhoseUpdateWasLostIsRecordedAndTheOrderBecomesPaid() {
        Map<String, Object> order = order(90);
        telegram.faults().loseUpdates("successful_payment", 1);
        PayOutcome paid = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(BUYER));
        assertTrue(paid.isPaid(), paid.toString());
        String charge = paid.telegramPaymentChargeId();
        assertEquals("PENDING_PAYMENT", orderNow(order).get("status"));

        Map<String, Object> run = run();

        assertEquals("SUCCEEDED", run.get("status"));
        assertEquals(List.of(Map.of("kind", "MISSING_PAYMENT", "action", "RECORDED")), findingsFor(run, charge));
        assertEquals("PAID", orderNow(order).get("status"));
        List<Map<String, Object>> ledger = ledgerFor(order);
        assertEquals(List.of("PAYMENT"), kinds(ledger));
        assertBalanced(ledger.get(0), 90, "telegram_stars_receivable");
        assertRunningAgainAddsNothing(order, charge, 1);
    }

    @Test
    void aRefundMadeOutsideTheEngineIsRecordedAndTheOrderRefunded() {
        Map<String, Object> order = order(40);
        String charge = payAndAwaitPaid(order);
        telegram.faults().loseUpdates("refunded_payment", 1);
        assertTrue(botApi.refundStarPayment(new RefundStarPayment(BUYER, charge)));

        Map<String, Object> run = run();

        assertEquals(List.of(Map.of("kind", "OUTSIDE_REFUND", "action", "RECORDED")), findingsFor(run, charge));
        assertEquals("REFUNDED", orderNow(order).get("status"));
        List<Map<String, Object>> ledger = ledgerFor(order);
        assertEquals(List.of("PAYMENT", "REFUND"), kinds(ledger));
        assertBalanced(ledger.get(1), 40, "sales_refunds");
        assertRunningAgainAddsNothing(order, charge, 2);
    }

    @Test
    void aChargebackBecomesAChargebackTransaction() {
        Map<String, Object> order = order(55);
        String charge = payAndAwaitPaid(order);
        assertTrue(telegram.chargeback(charge));

        Map<String, Object> run = run();

        assertEquals(List.of(Map.of("kind", "CHARGEBACK", "action", "RECORDED")), findingsFor(run, charge));
        List<Map<String, Object>> ledger = ledgerFor(order);
        assertEquals(List.of("PAYMENT", "CHARGEBACK"), kinds(ledger));
        assertBalanced(ledger.get(1), 55, "chargebacks");
        assertRunningAgainAddsNothing(order, charge, 2);
    }

    @Test
    void runsAreListedAndReadBackWithTheirFindings() {
        Map<String, Object> order = order(30);
        telegram.faults().loseUpdates("successful_payment", 1);
        String charge = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(BUYER))
                .telegramPaymentChargeId();
        Map<String, Object> run = run();

        Api.Reply one = api.admin(HttpRequest.GET("/api/admin/reconciliation/runs/" + run.get("id")));
        Api.Reply all = api.admin(HttpRequest.GET("/api/admin/reconciliation/runs"));
        Api.Reply missing = api.admin(HttpRequest.GET("/api/admin/reconciliation/runs/999999999"));

        assertEquals(200, one.status());
        assertEquals(findingsFor(run, charge), findingsFor(one.json(), charge));
        assertTrue(all.list().stream().anyMatch(r -> r.get("id").equals(run.get("id"))));
        assertEquals(404, missing.status());
        assertEquals(401, api.send(HttpRequest.POST("/api/admin/reconciliation/runs", "")).status());
    }

    @Test
    void aLocalStarsPaymentTelegramDoesNotKnowIsFlaggedAndLeftAlone() throws Exception {
        String charge = "stxUnknownToTelegram-" + UUID.randomUUID();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO payments (telegram_payment_charge_id, "
                     + "kind, buyer_id, currency, total_amount, source, occurred_at, recorded_at) "
                     + "VALUES (?, 'PAYMENT', ?, 'XTR', 12, 'TELEGRAM', now(), now())")) {
            insert.setString(1, charge);
            insert.setLong(2, 990_001L);
            insert.executeUpdate();
        }

        Map<String, Object> run = run();
        Map<String, Object> again = run();

        assertEquals(List.of(Map.of("kind", "UNKNOWN_TO_TELEGRAM", "action", "FLAGGED")), findingsFor(run, charge));
        assertEquals(List.of(Map.of("kind", "UNKNOWN_TO_TELEGRAM", "action", "FLAGGED")), findingsFor(again, charge),
                "flagged by every run until someone resolves it");
        assertEquals(1, count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?", charge));
        assertEquals(0, count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", charge));
    }

    @Test
    void aSecondRunWhileOneHoldsTheLockIsRefused() {
        try (RunLock.Held held = runLock.tryAcquire().orElseThrow()) {
            Api.Reply refused = api.admin(HttpRequest.POST("/api/admin/reconciliation/runs", ""));
            assertEquals(409, refused.status(), () -> String.valueOf(refused.body()));
        }
        run();
    }

    private long count(String query, String charge) throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, charge);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void assertRunningAgainAddsNothing(Map<String, Object> order, String charge, int ledgerSize) {
        Map<String, Object> again = run();
        assertEquals(List.of(), findingsFor(again, charge));
        assertEquals(ledgerSize, ledgerFor(order).size());
    }

    /** Postings carry signed amounts (credits negative): balanced means they sum to zero. */
    @SuppressWarnings("unchecked")
    private static void assertBalanced(Map<String, Object> transaction, long amount, String debitedAccount) {
        List<Map<String, Object>> postings = (List<Map<String, Object>>) transaction.get("postings");
        long sum = postings.stream().mapToLong(p -> ((Number) p.get("amount")).longValue()).sum();
        List<Map<String, Object>> debits = postings.stream().filter(p -> "debit".equals(p.get("side"))).toList();
        assertEquals(0, sum, postings::toString);
        assertEquals(1, debits.size(), postings::toString);
        assertEquals(amount, ((Number) debits.get(0).get("amount")).longValue(), postings::toString);
        assertEquals(debitedAccount, debits.get(0).get("account"));
    }

    private Map<String, Object> run() {
        return ReconciliationRuns.start(api);
    }

    private String payAndAwaitPaid(Map<String, Object> order) {
        PayOutcome paid = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(BUYER));
        assertTrue(paid.isPaid(), paid.toString());
        Eventually.value(() -> Optional.of(orderNow(order)).filter(o -> "PAID".equals(o.get("status"))));
        return paid.telegramPaymentChargeId();
    }

    private Map<String, Object> order(long stars) {
        String sku = ShopFixture.product("reconcile").title("Reconciled").price("XTR", stars).price("USD", 100)
                .create(api);
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", sku, "quantity", 1)))).header("Authorization", buyer));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json();
    }

    private Map<String, Object> orderNow(Map<String, Object> order) {
        return api.send(HttpRequest.GET("/api/orders/" + order.get("id")).header("Authorization", buyer)).json();
    }

    private List<Map<String, Object>> ledgerFor(Map<String, Object> order) {
        return api.admin(HttpRequest.GET("/api/admin/ledger/transactions?orderId=" + order.get("id"))).list();
    }

    private static List<Object> kinds(List<Map<String, Object>> ledger) {
        return ledger.stream().map(t -> t.get("kind")).toList();
    }
}
