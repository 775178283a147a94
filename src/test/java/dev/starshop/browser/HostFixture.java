package dev.starshop.browser;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The sandbox host in a browser, with the shop's state read back through the admin API and SQL. */
final class HostFixture {

    static final long ALICE = 100001;
    static final long LI = 100003;
    /** The first launch in a test class also starts Chromium's renderer and the engine's first requests. */
    static final LocatorAssertions.HasCountOptions LAUNCHED = new LocatorAssertions.HasCountOptions().setTimeout(20_000);
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    private final String baseUrl;
    private final Api api;
    private final Db db;

    HostFixture(String baseUrl, Api api, Db db) {
        this.baseUrl = baseUrl;
        this.api = api;
        this.db = db;
    }

    String product(String kind, long stars, long usdCents) {
        ShopFixture.Product product = ShopFixture.product("browser").description("Bought in a real browser.")
                .kind(kind).stock(50).price("XTR", stars).price("USD", usdCents);
        return product.title("Browser " + product.sku().substring(8)).create(api);
    }

    /** A Stars product delivered by CODES, its pool filled with {@code codes}. */
    String codesProduct(long stars, String... codes) {
        ShopFixture.Product product = ShopFixture.product("browser").description("A key, delivered at once.")
                .kind("DIGITAL").price("XTR", stars).price("USD", stars * 3)
                .delivery("CODES", "Your key: {code}", false);
        String sku = product.title("Browser key " + product.sku().substring(8)).create(api);
        Api.Reply added = api.admin(HttpRequest.POST("/api/admin/products/" + sku + "/codes", String.join("\n", codes))
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        if (added.status() != 200 && added.status() != 201) {
            throw new IllegalStateException("codes not added: " + added.status() + " " + added.body());
        }
        return sku;
    }

    /** Opens the host as a user, with the probe Mini App (selling {@code sku}) served at /app/. */
    FrameLocator openWithProbe(Page page, long userId, String sku) {
        String probe = resource("/browser/probe-app.html").replace("%SKU%", sku);
        page.context().route(baseUrl + "/app/", route -> route.fulfill(new Route.FulfillOptions()
                .setBody(probe).setContentType("text/html; charset=utf-8")));
        page.navigate(baseUrl + "/sandbox?user=" + userId);
        assertThat(page.locator("#phone[data-ready=true]")).hasCount(1, HostFixture.LAUNCHED);
        return page.frameLocator("#mini-app");
    }

    static void awaitEvent(FrameLocator app, String text) {
        assertThat(app.locator("#events")).containsText(text, SLOW);
    }

    static Locator sheet(Page page) {
        return page.locator("#invoice-sheet");
    }

    /** Opens the host as a user with the real Mini App at /app/. */
    FrameLocator openMiniApp(Page page, long userId) {
        page.navigate(baseUrl + "/sandbox?user=" + userId);
        assertThat(page.locator("#phone[data-ready=true]")).hasCount(1, HostFixture.LAUNCHED);
        return page.frameLocator("#mini-app");
    }

    String orderOf(String sku) {
        return db.text("SELECT order_id::text FROM order_lines WHERE sku = ? LIMIT 1", sku);
    }

    String orderStatus(String orderId) {
        return db.text("SELECT status FROM orders WHERE id = ?::uuid", orderId);
    }

    String orderCurrency(String orderId) {
        return db.text("SELECT currency FROM orders WHERE id = ?::uuid", orderId);
    }

    /** Debits equal credits: the order's postings sum to zero. */
    long ledgerImbalance(String orderId) {
        return db.count("SELECT coalesce(sum(p.amount), 0) FROM ledger_postings p JOIN ledger_transactions t "
                + "ON t.id = p.transaction_id WHERE t.order_id = ?::uuid", orderId);
    }

    long ledgerPostings(String orderId) {
        return db.count("SELECT count(*) FROM ledger_postings p JOIN ledger_transactions t "
                + "ON t.id = p.transaction_id WHERE t.order_id = ?::uuid", orderId);
    }

    /** The accounts the order's postings touch, sorted and comma-separated. */
    String ledgerAccounts(String orderId) {
        return db.text("SELECT string_agg(p.account, ',' ORDER BY p.account) FROM ledger_postings p "
                + "JOIN ledger_transactions t ON t.id = p.transaction_id WHERE t.order_id = ?::uuid", orderId);
    }

    long ordersIn(String status) {
        return db.count("SELECT count(*) FROM orders WHERE status = ?", status);
    }

    long ordersOf(String sku) {
        return db.count("SELECT count(DISTINCT order_id) FROM order_lines WHERE sku = ?", sku);
    }

    private static String resource(String name) {
        try (InputStream in = HostFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
