package dev.starshop.backoffice.reconciliation;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.starshop.backoffice.reconciliation.ReconciliationRuns.findingsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Stars books end to end, over HTTP against the emulator, on a database of their own (so the
 * ledger's Stars position is this test's alone and the tie-out can tie): one Star transaction of
 * each kind, reconciliation books each to its accounts, a second run adds nothing, a withdrawal
 * goes pending → succeeded and another pending → failed → returned, and getMyStarBalance ties out
 * with the ledger until an unknown partner type makes a difference the tie-out explains.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StarsBooksTest {

    private static final long ALICE = 100001;
    private static final long BOB = 100002;

    @TempDir
    static Path dataDir;

    static EmbeddedServer engine;
    static HttpClient http;
    static Api api;
    static SandboxTelegram telegram;

    @BeforeAll
    static void start() {
        engine = ApplicationContext.run(EmbeddedServer.class, Map.of(
                // Not the JVM's shared ephemeral server: a server of its own in its own directory.
                "starshop.embedded-postgres.data-dir", dataDir.toString(),
                "starshop.embedded-postgres.ephemeral", false,
                "starshop.embedded-postgres.durable", false,
                "starshop.telegram.setup", true,
                "micronaut.server.port", -1), "test");
        http = engine.getApplicationContext().createBean(HttpClient.class, engine.getURL());
        api = new Api(http);
        telegram = engine.getApplicationContext().getBean(SandboxTelegram.class);
        Eventually.value(() -> Optional.ofNullable(telegram.botSettings().get("menuButton")));
    }

    @AfterAll
    static void stop() {
        http.close();
        engine.close();
    }

    @Test
    @Order(1)
    void everyKindIsBookedToItsAccountsAndTheLedgerTiesOutWithTelegram() throws Exception {
        String payment = payAnInvoice(200);
        String media = seed(Map.of("kind", "paid_media", "amount", 87, "nanostarAmount", 500_000_000, "userId", ALICE,
                "commissionPerMille", 125, "affiliateAmount", 12, "affiliateNanostarAmount", 500_000_000));
        String gift = seed(Map.of("kind", "gift", "amount", 25, "userId", BOB));
        String income = seed(Map.of("kind", "affiliate_program", "amount", 0, "nanostarAmount", 750_000_000,
                "commissionPerMille", 100));
        String succeeds = seed(Map.of("kind", "withdrawal", "amount", 100));
        String fails = seed(Map.of("kind", "withdrawal", "amount", 50));
        String ads = seed(Map.of("kind", "telegram_ads", "amount", 10));
        String fee = seed(Map.of("kind", "telegram_api", "amount", 0, "nanostarAmount", 300_000_000,
                "requestCount", 33));

        Map<String, Object> first = ReconciliationRuns.start(api);

        assertEquals(List.of(), findingsFor(first, payment), "the invoice payment matches as before");
        for (String id : List.of(media, gift, income, succeeds, fails, ads, fee)) {
            assertEquals(List.of(Map.of("kind", "BOOKED", "action", "RECORDED")), findingsFor(first, id), id);
        }
        assertEquals(List.of(List.of("sales_revenue", "-100", "telegram_stars_receivable", "100")),
                postings("paid-media:" + media), "the buyer paid 100: 87.5 to the bot, 12.5 to the affiliate");
        assertEquals(List.of(List.of("affiliate_commissions", "12.5", "telegram_stars_receivable", "-12.5")),
                postings("affiliate-commission:" + media));
        assertEquals(List.of(List.of("gifts_expense", "25", "telegram_stars_receivable", "-25")),
                postings("gift:" + gift));
        assertEquals(List.of(List.of("affiliate_income", "-0.75", "telegram_stars_receivable", "0.75")),
                postings("affiliate-income:" + income));
        assertEquals(List.of(List.of("telegram_fees", "10", "telegram_stars_receivable", "-10")),
                postings("fee:" + ads));
        assertEquals(List.of(List.of("telegram_fees", "0.3", "telegram_stars_receivable", "-0.3")),
                postings("fee:" + fee));
        assertEquals(List.of(List.of("stars_in_transit", "100", "telegram_stars_receivable", "-100")),
                postings("withdrawal:" + succeeds));
        assertTieOut(first, "TIED", "102.95", "0");

        telegram.withdrawalSucceeds(succeeds);
        assertEquals(200, api.send(HttpRequest.POST("/sandbox/api/stars/withdrawals/" + fails + "/fail", "")).status());
        Map<String, Object> second = ReconciliationRuns.start(api);

        assertEquals(List.of(Map.of("kind", "BOOKED", "action", "RECORDED")), findingsFor(second, succeeds));
        assertEquals(List.of(Map.of("kind", "BOOKED", "action", "RECORDED")), findingsFor(second, fails));
        assertEquals(List.of(List.of("stars_in_transit", "-100", "stars_withdrawn", "100")),
                postings("withdrawal-succeeded:" + succeeds));
        assertEquals(List.of(List.of("stars_in_transit", "-50", "telegram_stars_receivable", "50")),
                postings("withdrawal-returned:" + fails), "the failed withdrawal's Stars came back");
        assertTieOut(second, "TIED", "152.95", "0");

        long transactions = count("SELECT count(*) FROM ledger_transactions");
        Map<String, Object> third = ReconciliationRuns.start(api);
        assertEquals(List.of(), third.get("findings"), "a third run finds nothing new");
        assertEquals(transactions, count("SELECT count(*) FROM ledger_transactions"));
        assertEquals(0, count("SELECT count(*) FROM (SELECT transaction_id FROM ledger_postings GROUP BY transaction_id "
                + "HAVING sum(amount::numeric * 1000000000 + nanos) <> 0) AS unbalanced"));
        assertEquals(0, count("SELECT count(*) FROM payments WHERE kind IN ('REFUND', 'CHARGEBACK')"),
                "no gift or withdrawal became an outside refund or a chargeback");
        assertTreasuryToday("300.75", "152.95", "100", "0");
        assertEquals("telegram_stars_receivable,XTR,0,0,DEBIT,,,," + income + ",,,,750000000,,,,,,UNVALUED",
                exportedRow("affiliate-income:" + income, "telegram_stars_receivable"),
                "the ledger export keeps the fraction and the side of a posting below one Star");
    }

    @Test
    @Order(2)
    void anUnknownPartnerTypeIsAFindingNeverBookedAndExplainsTheDifference() throws Exception {
        String unknown = seed(Map.of("kind", "unknown", "partnerType", "telegram_stars_bank", "incoming", true,
                "amount", 5));

        Api.Reply tieOut = api.admin(HttpRequest.POST("/api/admin/treasury/tie-outs", ""));

        assertEquals(201, tieOut.status(), () -> String.valueOf(tieOut.body()));
        Map<String, Object> result = tieOut.json();
        assertEquals("EXPLAINED", result.get("status"));
        assertEquals("5", result.get("difference"));
        assertEquals("5", result.get("explained"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> explanation = (List<Map<String, Object>>) result.get("explanation");
        assertEquals(List.of(List.of(unknown, "UNKNOWN", "5")), explanation.stream()
                .map(e -> List.of(e.get("telegramId"), e.get("kind"), e.get("effect"))).toList());
        Map<String, Object> run = api.admin(HttpRequest.GET("/api/admin/reconciliation/runs/" + result.get("runId")))
                .json();
        assertEquals(List.of(Map.of("kind", "UNRECOGNISED", "action", "FLAGGED")), findingsFor(run, unknown));
        assertEquals(List.of(Map.of("kind", "TIE_OUT", "action", "FLAGGED")), findingsFor(run, "(balance)"));
        assertEquals(0, count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = '" + unknown + "'"));
        assertEquals(result, api.admin(HttpRequest.GET("/api/admin/treasury/tie-outs/" + result.get("id"))).json());
    }

    @Test
    @Order(3)
    void badInputIsRefusedAndChangesNothing() {
        long before = telegram.botBalanceNanostars();
        Api.Reply unknownField = api.send(HttpRequest.POST("/sandbox/api/stars/transactions",
                Map.of("kind", "gift", "amount", 5, "userId", BOB, "stars", 5)));
        Api.Reply tooMuch = api.send(HttpRequest.POST("/sandbox/api/stars/transactions",
                Map.of("kind", "withdrawal", "amount", 1_000_000)));
        Api.Reply notPending = api.send(HttpRequest.POST("/sandbox/api/stars/withdrawals/nope/succeed", ""));
        Api.Reply badDate = api.admin(HttpRequest.GET("/api/admin/treasury/days?from=yesterday"));

        assertEquals(List.of(400, "malformed-request"), List.of(unknownField.status(), unknownField.code()));
        assertEquals(List.of(400, "sandbox-limit"), List.of(tooMuch.status(), tooMuch.code()));
        assertEquals(404, notPending.status());
        assertEquals(422, badDate.status());
        assertEquals(before, telegram.botBalanceNanostars());
        assertEquals(401, api.send(HttpRequest.GET("/api/admin/treasury/tie-outs")).status());
    }

    /** The canonical ledger CSV's row for this posting, from the account on. */
    private static String exportedRow(String key, String account) {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String body = new String(http.toBlocking().retrieve(HttpRequest.GET("/api/admin/exports/ledger.csv?from="
                + today + "&to=" + today + "&currency=XTR").bearerAuth(Api.ADMIN_TOKEN), byte[].class),
                java.nio.charset.StandardCharsets.UTF_8);
        return body.lines().filter(l -> l.contains("," + key + ",") && l.contains("," + account + ","))
                .map(l -> l.substring(l.indexOf(account))).findFirst().orElse(body);
    }

    private static void assertTieOut(Map<String, Object> run, String status, String telegramBalance,
                                     String difference) {
        Map<String, Object> tieOut = api.admin(HttpRequest.GET("/api/admin/treasury/tie-outs?limit=1")).list().get(0);
        assertEquals(run.get("id"), tieOut.get("runId"));
        assertEquals(List.of(status, telegramBalance, telegramBalance, difference), List.of(tieOut.get("status"),
                tieOut.get("telegramBalance"), tieOut.get("ledgerPosition"), tieOut.get("difference")));
    }

    @SuppressWarnings("unchecked")
    private static void assertTreasuryToday(String earned, String position, String withdrawn, String inTransit) {
        Map<String, Object> reply = api.admin(HttpRequest.GET("/api/admin/treasury/days")).json();
        List<Map<String, Object>> days = (List<Map<String, Object>>) reply.get("days");
        Map<String, Object> today = days.get(days.size() - 1);
        assertEquals(21, reply.get("holdDays"));
        assertEquals(List.of(earned, position, position, "0", inTransit, withdrawn),
                List.of(today.get("earned"), today.get("position"), today.get("held"), today.get("withdrawable"),
                        today.get("inTransit"), today.get("withdrawn")), today::toString);
    }

    private static String payAnInvoice(long stars) {
        String buyer = InitDataSigner.forToken(engine.getApplicationContext().getBean(BotCredentials.class).token())
                .header(ALICE, "alice", "en");
        String sku = ShopFixture.product("stars-books").title("Booked").price("XTR", stars).create(api);
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", sku, "quantity", 1)))).header("Authorization", buyer));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        PayOutcome paid = telegram.pay((String) placed.json().get("invoiceLink"), PayRequest.stars(ALICE));
        assertTrue(paid.isPaid(), paid.toString());
        Eventually.value(() -> Optional.of(api.send(HttpRequest.GET("/api/orders/" + placed.json().get("id"))
                .header("Authorization", buyer)).json()).filter(o -> "PAID".equals(o.get("status"))));
        return paid.telegramPaymentChargeId();
    }

    /** Adds a Star transaction through the emulator's control API (HTTP, strict body). */
    private static String seed(Map<String, Object> body) {
        Api.Reply created = api.send(HttpRequest.POST("/sandbox/api/stars/transactions", new HashMap<>(body)));
        assertEquals(201, created.status(), () -> String.valueOf(created.body()));
        return (String) created.json().get("id");
    }

    /** The transaction's postings as [account, exact Stars, …], accounts in name order. */
    private static List<List<String>> postings(String key) throws Exception {
        List<String> flat = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("""
                SELECT p.account, (p.amount::numeric * 1000000000 + p.nanos) / 1000000000 AS stars
                FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
                WHERE t.external_key = ? ORDER BY p.account""")) {
            s.setString(1, key);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    flat.add(rows.getString("account"));
                    flat.add(rows.getBigDecimal("stars").stripTrailingZeros().toPlainString());
                }
            }
        }
        return flat.isEmpty() ? List.of() : List.of(flat);
    }

    private static long count(String query) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(query);
             ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connection() throws Exception {
        return DelegatingDataSource.unwrapDataSource(engine.getApplicationContext().getBean(DataSource.class))
                .getConnection();
    }
}
