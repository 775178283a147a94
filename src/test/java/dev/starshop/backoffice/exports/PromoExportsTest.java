package dev.starshop.backoffice.exports;

import dev.starshop.promo.PromoFixture;
import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.TelegramUpdates;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A discounted Stars sale (100 ⭐ less a 20% code = 80 ⭐) and a discounted sale refunded, booked on
 * a day of 2011 chosen at random (no other test books there), as the exports show them: the code,
 * the discount, and revenue before and after discounts.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromoExportsTest {

    private static final AtomicLong NEXT_UPDATE = new AtomicLong(System.currentTimeMillis() * 10 + 3);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    Api api;
    LocalDate day;
    String code;
    String keptOrder;
    String refundedOrder;

    @BeforeAll
    void sellTwoDiscountedOrdersAndRefundOne() {
        api = new Api(http);
        PromoFixture promo = new PromoFixture(api, InitDataSigner.forToken(bot.token()));
        day = LocalDate.of(2011, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365));
        long at = day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
        code = PromoFixture.codeName("export20").toUpperCase();
        promo.code(code, "percentOff", 20);
        String sku = promo.product(100, 1200);
        long keeper = promo.newBuyerId();
        long returner = promo.newBuyerId();
        keptOrder = placed(promo.order(promo.buyer(keeper), "XTR", sku, 1, code));
        refundedOrder = placed(promo.order(promo.buyer(returner), "XTR", sku, 1, code));
        String refundedCharge = "stx-promo-" + UUID.randomUUID();
        deliver(TelegramUpdates.successfulPayment().date(at).buyer(keeper).currency("XTR").total(80)
                .payload(keptOrder).charge("stx-promo-" + UUID.randomUUID()));
        deliver(TelegramUpdates.successfulPayment().date(at).buyer(returner).currency("XTR").total(80)
                .payload(refundedOrder).charge(refundedCharge));
        deliver(TelegramUpdates.refundedPayment().date(at + 60).buyer(returner).currency("XTR").total(80)
                .payload(refundedOrder).charge(refundedCharge));
    }

    @Test
    void theSummaryShowsRevenueBeforeAndAfterDiscounts() {
        CSVRecord xtr = ExportFiles.parse(get("summary.csv", "from=" + day + "&to=" + day + "&currency=XTR")).get(0);

        assertEquals("200", xtr.get("gross_sales"), "two sales of 100 before discounts");
        assertEquals("20", xtr.get("discounts"), "the kept sale's 20; the refund reversed the other's");
        assertEquals("180", xtr.get("sales_after_discounts"));
        assertEquals("100", xtr.get("refunds"), "the refunded sale, gross");
        assertEquals("80", xtr.get("net"), "what Telegram owes: the one kept payment");
    }

    @Test
    void theLedgerShowsTheDiscountPostingsWithTheirCode() {
        List<CSVRecord> rows = ExportFiles.parse(get("ledger.csv", "from=" + day + "&to=" + day + "&currency=XTR"));

        List<String> discounts = rows.stream().filter(r -> r.get("account").equals("sales_discounts"))
                .map(r -> r.get("kind") + " " + r.get("side") + " " + r.get("amount") + " " + r.get("promo_code"))
                .sorted().toList();
        assertEquals(List.of("PAYMENT DEBIT 20 " + code, "PAYMENT DEBIT 20 " + code, "REFUND CREDIT -20 " + code),
                discounts);
        assertEquals(0L, rows.stream().mapToLong(r -> Long.parseLong(r.get("amount_minor"))).sum(), "balanced");
    }

    @Test
    void theOrdersExportShowsTheCodeSubtotalAndDiscount() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CSVRecord> rows = ExportFiles.parse(get("orders.csv", "from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&currency=XTR"));

        CSVRecord kept = rows.stream().filter(r -> r.get("order_id").equals(keptOrder)).findFirst().orElseThrow();
        assertEquals(List.of("PAID", code, "100", "20", "80", "80"), List.of(kept.get("status"), kept.get("promo_code"),
                kept.get("subtotal"), kept.get("discount"), kept.get("items_total"), kept.get("charged_total")));
    }

    @Test
    void aCategoryCodesDiscountIsSharedAmongItsLinesInTheOrderLinesExport() {
        PromoFixture promo = new PromoFixture(api, InitDataSigner.forToken(bot.token()));
        String hats = promo.category("hats");
        String cap = promo.productIn(hats, 10, 333);
        String beanie = promo.productIn(hats, 10, 667);
        String scarf = promo.product(10, 500);
        String hatsCode = PromoFixture.codeName("hats10").toUpperCase();
        promo.code(hatsCode, "percentOff", 10, "categories", List.of(hats));
        Map<String, Integer> cart = new java.util.LinkedHashMap<>();
        cart.put(cap, 1);
        cart.put(beanie, 1);
        cart.put(scarf, 1);
        String order = placed(promo.order(promo.buyer(promo.newBuyerId()), "USD", cart, hatsCode));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&currency=USD";

        CSVRecord listed = ExportFiles.parse(get("orders.csv", period)).stream().filter(r -> r.get("order_id").equals(order))
                .findFirst().orElseThrow();
        assertEquals(List.of(hatsCode, "15.00", "1.00", "14.00"), List.of(listed.get("promo_code"),
                listed.get("subtotal"), listed.get("discount"), listed.get("items_total")), "10% of the 10.00 in hats");
        List<String> lines = ExportFiles.parse(get("order-lines.csv", period)).stream().filter(r -> r.get("order_id").equals(order))
                .map(r -> r.get("sku") + " " + r.get("line_total") + " " + r.get("line_discount") + " "
                        + r.get("line_net") + " " + r.get("order_discount") + " " + r.get("promo_code"))
                .toList();
        assertEquals(List.of(cap + " 3.33 0.33 3.00 1.00 " + hatsCode, beanie + " 6.67 0.67 6.00 1.00 " + hatsCode,
                scarf + " 5.00 0.00 5.00 1.00 " + hatsCode), lines,
                "1.00 shared 3.33:6.67 exactly; the scarf is out of scope and pays full price");
    }

    @Test
    void xeroInvoicesCarryANegativeDiscountLine() {
        List<CSVRecord> xero = ExportFiles.parse(get("ledger.csv", "from=" + day + "&to=" + day + "&currency=XTR&profile=xero"));

        assertEquals(4, xero.size(), "two sales, each a sale line and a discount line");
        assertEquals(2, xero.stream().filter(r -> r.get("UnitAmount").equals("-20")
                && r.get("Description").startsWith("Discount (promo code " + code + ")")).count());
    }

    private String placed(Api.Reply reply) {
        assertEquals(201, reply.status(), () -> String.valueOf(reply.body()));
        return reply.json().get("id").toString();
    }

    private String get(String file, String query) {
        HttpResponse<byte[]> response = http.toBlocking().exchange(
                HttpRequest.GET("/api/admin/exports/" + file + "?" + query).bearerAuth(Api.ADMIN_TOKEN), byte[].class);
        assertEquals(200, response.code());
        return response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
    }

    private void deliver(TelegramUpdates.Update update) {
        String json = update.updateId(NEXT_UPDATE.incrementAndGet()).json();
        assertEquals(200, api.send(HttpRequest.POST("/telegram/webhook", json).contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret")).status());
    }
}
