package dev.starshop.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.sandbox.SandboxUser;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The back-office console in a real Chromium: sign in, find an order, refund it, export it. */
@Tag("browser")
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleBrowserTest extends BrowserTestBase {

    @Inject
    SandboxTelegram telegram;

    @Inject
    BotCredentials bot;

    @Test
    void anOperatorFindsAPaidOrderRefundsItAndExportsIt() throws IOException {
        SandboxUser buyer = newSandboxBuyer();
        Map<String, Object> order = paidOrder(buyer, host.product("DIGITAL", 90, 300), "XTR",
                PayRequest.stars(buyer.id()));
        String orderId = (String) order.get("id");

        signIn();
        long refundsBefore = starsBalance("sales_refunds");

        page.locator("a[data-tab=orders]").click();
        page.getByLabel("Buyer").fill("@" + buyer.username());
        page.getByText("Apply").click();
        Locator row = page.locator("#order-results tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("PAID");
        assertThat(row).containsText("90 ⭐");
        Browser.screenshot(page, "admin-orders-filtered");

        row.click();
        assertThat(page.locator("#timeline")).containsText("CREATED");
        assertThat(page.locator("#timeline")).containsText("PRE_CHECKOUT_ACCEPTED");
        assertThat(page.locator("#timeline")).containsText("PAID");
        Browser.screenshot(page, "admin-order-detail");

        page.locator("#refund").click();
        assertThat(page.locator("#refund-dialog")).containsText("90 ⭐ goes back to");
        Browser.screenshot(page, "admin-refund-confirmation");
        page.locator("#confirm-refund").click();
        assertThat(page.locator(".notice")).containsText("Refunded 90 ⭐");
        assertThat(page.locator("#order-summary")).containsText("REFUNDED");
        assertThat(page.locator("#timeline")).containsText("REFUNDED");
        Browser.screenshot(page, "admin-order-refunded");

        assertEquals(refundsBefore + 90, starsBalance("sales_refunds"));

        String csv = downloadOrdersCsv(Instant.parse((String) order.get("createdAt")).toString().substring(0, 10));
        String line = csv.lines().filter(l -> l.contains(orderId)).findFirst().orElseThrow(() -> new AssertionError(csv));
        assertTrue(line.contains("REFUNDED"), line);
        assertTrue(csv.lines().findFirst().orElseThrow().contains("order_id"), csv);
    }

    @Test
    void anOperatorPacksTwoOrdersAtOnceThenShipsAndDeliversOne() {
        SandboxUser buyer = newSandboxBuyer();
        String sku = host.product("PHYSICAL", 90, 300);
        PayRequest card = new PayRequest(buyer.id(), "card", "4242 4242 4242 4242", Map.of("country_code", "DE",
                "state", "", "city", "Berlin", "street_line1", "Unter den Linden 1", "street_line2", "",
                "post_code", "10117"), "standard", null, null, null, null, null);
        String first = (String) paidOrder(buyer, sku, "USD", card).get("id");
        String second = (String) paidOrder(buyer, sku, "USD", card).get("id");
        signIn();

        page.locator("a[data-tab=orders]").click();
        page.getByLabel("Buyer").fill("@" + buyer.username());
        page.getByText("Apply").click();
        assertThat(page.locator("#order-results tbody tr")).hasCount(2);
        page.locator("#bulk-shipping summary").click();
        page.getByLabel("Select order " + first.substring(0, 8)).check();
        page.getByLabel("Select order " + second.substring(0, 8)).check();
        page.locator("#bulk-packed").click();
        assertThat(page.locator("#bulk-result .notice")).isVisible();
        assertThat(page.locator("#bulk-result")).containsText("Marked 2 orders PACKED");
        page.getByLabel("Select order " + first.substring(0, 8)).check();
        page.locator("#bulk-shipped").click(); // without a carrier: the engine refuses, nothing changes
        assertThat(page.locator("#bulk-result .problem")).containsText("SHIPPED needs the carrier");
        Browser.screenshot(page, "admin-bulk-packed");

        page.navigate(server.getURL() + "/admin/#/orders/" + first);
        assertThat(page.locator("#ship-to")).hasText("Unter den Linden 110117 BerlinDE");
        assertThat(page.locator("#shipping")).containsText(sku);
        assertThat(page.locator("#shipment-steps li[data-step=PACKED]")).hasClass("done");
        page.getByLabel("Carrier").fill("DHL");
        page.getByLabel("Tracking number").fill("JD0146000");
        page.getByLabel("Tracking URL (optional)").fill("https://track.example/JD0146000");
        page.locator("#set-step").click();
        assertThat(page.locator(".notice")).containsText("Marked SHIPPED");
        assertThat(page.locator("#shipment-steps li[data-step=SHIPPED]")).containsText("DHL JD0146000");
        page.locator("#set-step").click();
        assertThat(page.locator(".notice")).containsText("Marked DELIVERED");
        assertThat(page.locator("#order-summary")).containsText("FULFILLED");
        Browser.screenshot(page, "admin-order-delivered");

        Eventually.until(() -> telegram.messages(buyer.id()).stream().anyMatch(m -> String.valueOf(m.get("text"))
                .equals("Your order #" + first.substring(0, 8) + " has been delivered. Thank you for shopping with us!")));
    }

    @Test
    void aCardRefundIsRecordedWithTheProvidersReference() {
        SandboxUser buyer = newSandboxBuyer();
        String orderId = (String) paidOrder(buyer, host.product("DIGITAL", 90, 300), "USD",
                PayRequest.card(buyer.id(), "4242 4242 4242 4242")).get("id");
        signIn();
        page.navigate(server.getURL() + "/admin/#/orders/" + orderId);

        page.locator("#refund").click();
        assertThat(page.locator("#refund-dialog")).containsText("refund reference");
        page.locator("#confirm-refund").click(); // the reference is required: the form does not submit
        assertThat(page.locator("#refund-dialog")).isVisible();
        page.getByLabel("Provider refund reference").fill("re_console_1");
        page.locator("#confirm-refund").click();

        assertThat(page.locator(".notice")).containsText("Refunded 3.00 USD");
        assertThat(page.locator("#order-summary")).containsText("REFUNDED");
        assertThat(page.getByRole(AriaRole.CELL,
                new Page.GetByRoleOptions().setName("re_console_1"))).isVisible();
        Browser.screenshot(page, "admin-card-refunded");
    }

    @Test
    void anOperatorCreatesAndEditsAProduct() {
        String sku = "console-" + ThreadLocalRandom.current().nextInt(1_000_000);
        signIn();
        page.locator("a[data-tab=products]").click();
        page.locator("#new-product").click();
        page.getByLabel("SKU").fill(sku);
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Console mug");
        page.getByLabel("Description").fill("Made in the back office.");
        page.getByLabel("Prices in minor units").fill("XTR 25, USD two");
        button("Create").click();
        assertThat(page.locator("#product-form-slot .problem")).isVisible();

        page.getByLabel("Prices in minor units").fill("XTR 25, USD 199");
        button("Create").click();
        Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(sku));
        assertThat(row).containsText("25 ⭐ · 1.99 USD");

        row.getByText("Edit").click();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Console cup");
        button("Save").click();
        assertThat(page.locator(".notice")).containsText("Saved " + sku);
        assertThat(row).containsText("Console cup");
        Browser.screenshot(page, "admin-products");
    }

    @Test
    void anOperatorFilesAProductUnderANewCategoryAndUploadsItsPicture() {
        String slug = "cups-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String sku = host.product("PHYSICAL", 30, 300);
        signIn();
        page.locator("a[data-tab=categories]").click();
        page.getByLabel("Slug").fill(slug);
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Cups " + slug);
        button("Save category").click();
        assertThat(page.locator(".notice")).containsText("Saved " + slug);

        page.locator("a[data-tab=products]").click();
        Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(sku));
        row.getByText("Edit").click();
        page.getByLabel("Category").selectOption(slug);
        button("Save").click();
        assertThat(row).containsText(slug);

        row.getByText("Edit").click();
        page.getByLabel("Picture for " + sku).setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "cup.txt", "image/png", "not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        button("Upload picture").click();
        assertThat(page.locator("#product-form-slot .problem")).containsText("PNG, JPEG or WebP");
        page.getByLabel("Picture for " + sku).setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "cup.png", "image/png", dev.starshop.support.PictureSamples.png(300, 200)));
        button("Upload picture").click();
        assertThat(page.locator(".notice")).containsText("Picture saved for " + sku);
        assertThat(row.locator("img.thumb")).isVisible();
        Browser.screenshot(page, "admin-product-picture");
    }

    @Test
    void aWrongTokenIsRefusedWithAClearMessage() {
        page.navigate(server.getURL() + "/admin");

        page.getByLabel("Admin token").fill("not-the-token");
        page.getByText("Sign in").click();

        assertThat(page.locator("#login-error")).containsText("That token was not accepted");
        assertThat(page.locator("#console")).isHidden();
        Browser.screenshot(page, "admin-login-refused");
    }

    @Test
    void everyViewRendersAndReconciliationRunsOnDemand() {
        signIn();
        for (String tab : List.of("review", "products", "subscriptions", "ledger", "exports", "system")) {
            page.locator("a[data-tab=" + tab + "]").click();
            assertThat(page.locator("#view h1")).isVisible();
            assertThat(page.locator("#view .loading")).hasCount(0);
            assertThat(page.locator("#view .problem")).hasCount(0);
            Browser.screenshot(page, "admin-" + tab);
        }
        assertThat(page.locator("#review-count")).hasText(String.valueOf(host.ordersIn("NEEDS_REVIEW")));

        page.locator("a[data-tab=reconciliation]").click();
        page.locator("#run-reconciliation").click();

        assertThat(page.locator("#findings")).containsText("Findings of run #");
        assertThat(page.locator("#reconciliation-message .problem")).hasCount(0);
        Browser.screenshot(page, "admin-reconciliation");
    }

    @Test
    void theConsoleOpensOnTheDashboardWithASalesChartPerCurrency() {
        SandboxUser buyer = newSandboxBuyer();
        paidOrder(buyer, host.product("DIGITAL", 70, 200), "XTR", PayRequest.stars(buyer.id()));
        List<String> errors = new java.util.ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);

        signIn();

        assertThat(page.locator("a[data-tab=dashboard]")).hasClass(java.util.regex.Pattern.compile("active"));
        assertThat(page.locator("#view h1")).hasText("Dashboard");
        assertThat(page.locator("#sales-charts .chart[data-currency=XTR] canvas, "
                + "#sales-charts .chart[data-currency=XTR] svg").first()).isVisible();
        assertThat(page.locator("#view")).containsText("Top products by units");
        assertThat(page.locator("#view")).containsText("Sales by source");
        assertThat(page.locator("#view")).containsText("Fulfilled");
        assertThat(page.locator("#view .problem")).hasCount(0);
        Browser.screenshot(page, "admin-dashboard");
        assertEquals(List.of(), errors);
    }

    @Test
    void theTreasuryTiesOutTelegramsBalanceOnDemand() {
        signIn();
        page.locator("a[data-tab=treasury]").click();
        assertThat(page.locator("#view h1")).hasText("Treasury");

        page.locator("#tie-out-now").click();

        // The database is shared with other test classes, so the ledger may hold Stars this emulator
        // never saw: the page must show the comparison, tied or not, and never fail. Before any
        // tie-out the line names no amount, so waiting for one waits for the answer.
        assertThat(page.locator("#tie-out-latest")).containsText("⭐");
        assertThat(page.locator("#treasury-message .problem")).hasCount(0);
        assertThat(page.locator("#view")).containsText("Withdrawable");

        // A rate far in the future, so it is in force for no other test's Stars transactions.
        String day = java.time.LocalDate.of(3000, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(3000)).toString();
        page.locator("#rate-form input[name=effectiveOn]").fill(day);
        page.locator("#rate-form input[name=rate]").fill("0.01250");
        page.locator("#rate-form button[type=submit]").click();
        assertThat(page.locator("#view")).containsText(day);
        assertThat(page.locator("#view")).containsText("0.0125");
        assertThat(page.locator("#rate-message .problem")).hasCount(0);
        Browser.screenshot(page, "admin-treasury");
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void signIn() {
        page.navigate(server.getURL() + "/admin");
        page.getByLabel("Admin token").fill(Api.ADMIN_TOKEN);
        page.getByText("Sign in").click();
        assertThat(page.locator("#console")).isVisible();
    }

    /** The XTR balance of an account as the Ledger view shows it ("-90 ⭐" → -90); 0 if not booked yet. */
    private long starsBalance(String account) {
        page.locator("a[data-tab=ledger]").click();
        assertThat(page.locator("#view h1")).hasText("Ledger balances");
        Locator cell = page.locator("section[data-currency=XTR] tr").filter(new Locator.FilterOptions()
                .setHasText(account)).locator("td").nth(3);
        if (cell.count() == 0) {
            return 0;
        }
        return Long.parseLong(cell.innerText().replace("⭐", "").strip());
    }

    private String downloadOrdersCsv(String day) throws IOException {
        page.locator("a[data-tab=exports]").click();
        page.getByLabel("Export").selectOption("orders");
        page.getByLabel("From").fill(day);
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill(day);
        page.getByLabel("Time zone").fill("UTC");
        Download download = page.waitForDownload(() -> page.locator("#download").click());
        assertThat(page.locator("#export-result")).containsText("Downloaded");
        Browser.screenshot(page, "admin-export");
        return Files.readString(download.path());
    }

    private SandboxUser newSandboxBuyer() {
        long id = ThreadLocalRandom.current().nextLong(8_000_000_000L, 9_000_000_000L);
        return telegram.createUser(new SandboxUser(id, "Console", "console" + id, "en", 1_000));
    }

    @Test
    void anOperatorCreatesAPromoCodeSeesItUsedAndDeactivatesIt() {
        String code = "CONSOLE-" + ThreadLocalRandom.current().nextInt(1_000_000);
        signIn();
        page.locator("a[data-tab=promo-codes]").click();
        page.getByLabel("Code").fill(code.toLowerCase());
        page.getByLabel("Percent off (1–100)").fill("10");
        page.getByLabel("Uses in total").fill("5");
        button("Create code").click();
        assertThat(page.locator(".notice")).containsText("Created " + code);
        Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(code));
        assertThat(row).containsText("10%");
        assertThat(row).containsText("0 / 0");

        SandboxUser buyer = newSandboxBuyer();
        Map<String, Object> order = paidOrder(buyer, host.product("DIGITAL", 90, 300), "XTR",
                PayRequest.stars(buyer.id()), code);
        page.navigate(server.getURL() + "/admin/#/orders/" + order.get("id"));
        assertThat(page.locator("#order-promo-code")).hasText(code);
        assertThat(page.locator("#order-discount")).containsText("9 ⭐");
        assertThat(page.locator("#order-summary")).containsText("81 ⭐");
        Browser.screenshot(page, "admin-order-with-promo-code");

        page.navigate(server.getURL() + "/admin/#/promo-codes");
        assertThat(row).containsText("1 / 1");
        row.locator("[data-deactivate]").click();
        row.locator("[data-deactivate]").click();
        assertThat(page.locator(".notice")).containsText("Deactivated " + code);
        assertThat(row).not().containsText("Deactivate");
        Browser.screenshot(page, "admin-promo-codes");
    }

    @Test
    void anOperatorScopesAPromoCodeToACategory() {
        String slug = "lamps-" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertEquals(201, new Api(http).admin(HttpRequest.POST("/api/admin/categories",
                Map.of("slug", slug, "title", "Lamps"))).status());
        String code = "LAMPS-" + ThreadLocalRandom.current().nextInt(1_000_000);
        signIn();
        page.locator("a[data-tab=promo-codes]").click();
        page.getByLabel("Code").fill(code);
        page.getByLabel("Percent off (1–100)").fill("15");
        page.getByLabel("or only these categories").selectOption("Lamps (" + slug + ")");
        button("Create code").click();

        assertThat(page.locator(".notice")).containsText("Created " + code);
        Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(code));
        assertThat(row).containsText("categories: " + slug);
        assertThat(row).containsText("15%");
    }

    private Map<String, Object> paidOrder(SandboxUser buyer, String sku, String currency, PayRequest payment) {
        return paidOrder(buyer, sku, currency, payment, null);
    }

    private Map<String, Object> paidOrder(SandboxUser buyer, String sku, String currency, PayRequest payment,
                                          String promoCode) {
        Eventually.value(() -> Optional.ofNullable(telegram.botSettings().get("menuButton")));
        String tma = InitDataSigner.forToken(bot.token()).header(buyer.id(), buyer.username(), "en");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("currency", currency,
                "items", List.of(Map.of("sku", sku, "quantity", 1))));
        if (promoCode != null) {
            body.put("promoCode", promoCode);
        }
        Api.Reply placed = new Api(http).send(HttpRequest.POST("/api/orders", body).header("Authorization", tma));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        assertTrue(telegram.pay((String) placed.json().get("invoiceLink"), payment).isPaid());
        Eventually.until(() -> "PAID".equals(host.orderStatus((String) placed.json().get("id"))));
        return placed.json();
    }
}
