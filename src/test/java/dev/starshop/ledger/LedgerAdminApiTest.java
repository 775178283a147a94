package dev.starshop.ledger;

import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.support.Api;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an accountant sees at /api/admin/ledger after payments are booked. */
@MicronautTest(transactional = false)
class LedgerAdminApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Ledger ledger;

    @Inject
    CurrencyTable currencies;

    @Inject
    TransactionOperations<Connection> transactions;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void balancesArePerAccountAndCurrencyWithDecimals() {
        Map<String, Map<String, Object>> before = balances();
        post(LedgerEntries.cardPayment(LedgerPostingTest.ref(LedgerPostingTest.key("api-usd"), null),
                usd(1200), usd(300), usd(100)));
        post(LedgerEntries.starsPayment(LedgerPostingTest.ref(LedgerPostingTest.key("api-xtr"), null),
                new Money(50, CurrencyTable.STARS)));

        Map<String, Map<String, Object>> after = balances();

        Map<String, Object> usdSales = after.get("USD/sales_revenue");
        assertEquals(-1200, balance(usdSales) - balance(before.get("USD/sales_revenue")));
        assertEquals(number(usdSales, "debits") - number(usdSales, "credits"), balance(usdSales));
        assertEquals(usd(balance(usdSales)).decimalText(), usdSales.get("balanceDecimal"));
        Map<String, Object> stars = after.get("XTR/telegram_stars_receivable");
        assertEquals(50, balance(stars) - balance(before.get("XTR/telegram_stars_receivable")));
        assertEquals(Long.toString(balance(stars)), stars.get("balanceDecimal"));
    }

    @Test
    void anOrdersTransactionsComeWithTheirPostings() {
        UUID order = UUID.randomUUID();
        LedgerTransaction payment = post(LedgerEntries.cardPayment(
                LedgerPostingTest.ref(LedgerPostingTest.key("api-order"), order), usd(1200), usd(300), usd(100)));
        post(LedgerEntries.refundOf(payment, usd(1600), LedgerPostingTest.key("api-refund"), LedgerPostingTest.AT));

        Api.Reply reply = api.admin(HttpRequest.GET("/api/admin/ledger/transactions?orderId=" + order));

        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        List<Map<String, Object>> list = reply.list();
        assertEquals(List.of("PAYMENT", "REFUND"), list.stream().map(t -> t.get("kind")).toList());
        assertEquals(order.toString(), list.get(0).get("orderId"));
        assertEquals(List.of(
                Map.of("account", "provider_receivable", "amount", 1600, "nanos", 0, "side", "debit", "amountDecimal", "16.00"),
                Map.of("account", "sales_revenue", "amount", -1200, "nanos", 0, "side", "credit", "amountDecimal", "-12.00"),
                Map.of("account", "shipping_revenue", "amount", -300, "nanos", 0, "side", "credit", "amountDecimal", "-3.00"),
                Map.of("account", "tips_revenue", "amount", -100, "nanos", 0, "side", "credit", "amountDecimal", "-1.00")),
                list.get(0).get("postings"));
        assertEquals(((Number) list.get(0).get("id")).longValue(),
                ((Number) list.get(1).get("reversesTransactionId")).longValue());
    }

    @Test
    void theLedgerIsForAdminsOnly() {
        assertEquals(401, api.get("/api/admin/ledger/balances").status());
        assertEquals(401, api.get("/api/admin/ledger/transactions?orderId=" + UUID.randomUUID()).status());
    }

    @Test
    void anUnknownOrderHasNoTransactionsAndAMalformedIdIsABadRequest() {
        Api.Reply none = api.admin(HttpRequest.GET("/api/admin/ledger/transactions?orderId=" + UUID.randomUUID()));
        Api.Reply malformed = api.admin(HttpRequest.GET("/api/admin/ledger/transactions?orderId=nope"));

        assertEquals(200, none.status());
        assertEquals(List.of(), none.list());
        assertEquals(400, malformed.status(), () -> String.valueOf(malformed.body()));
    }

    private Map<String, Map<String, Object>> balances() {
        Api.Reply reply = api.admin(HttpRequest.GET("/api/admin/ledger/balances"));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        return reply.list().stream().collect(Collectors.toMap(b -> b.get("currency") + "/" + b.get("account"),
                Function.identity()));
    }

    private static long balance(Map<String, Object> row) {
        return row == null ? 0 : number(row, "balance");
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    private LedgerTransaction post(NewTransaction tx) {
        return transactions.executeWrite(status -> ledger.post(tx));
    }

    private Money usd(long cents) {
        return new Money(cents, currencies.require("USD"));
    }
}
