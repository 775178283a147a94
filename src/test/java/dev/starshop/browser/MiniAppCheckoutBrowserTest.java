package dev.starshop.browser;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.starshop.browser.HostFixture.ALICE;
import static dev.starshop.browser.HostFixture.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Card, declined, cancel-then-pay, pending and theme flows through the real Mini App inside the
 * sandbox host, on Telegram's official telegram-web-app.js; each checks the screen and the server.
 */
@Tag("browser")
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniAppCheckoutBrowserTest extends BrowserTestBase {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}");

    @Test
    void aCardPurchaseWithShippingAndATipEndsOnTheReceipt() {
        FrameLocator app = host.openMiniApp(page, ALICE);
        app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("USD").setExact(true)).click();
        addToCartAndPay(app, "Starshop mug");

        assertThat(sheet(page).getByLabel("Card number (Stripe test cards)")).hasValue("4242 4242 4242 4242");
        assertThat(sheet(page).getByLabel("City")).hasValue("San Francisco");
        Locator tips = sheet(page).getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Tip"));
        tips.getByRole(AriaRole.BUTTON).nth(1).click();
        sheet(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Pay \\$"))).click();

        assertThat(app.locator("body")).containsText("Thank you! Payment received.", SLOW);
        assertThat(app.locator("body")).containsText("Starshop mug × 1");
        assertThat(app.locator(".receipt")).containsText("Shipping");
        assertThat(app.locator(".receipt")).containsText("Tip");
        assertThat(app.locator(".receipt .total")).not().containsText("12.00 USD");
        Browser.screenshot(page, "miniapp-card-receipt");
        String orderId = orderIdOnScreen(app);
        assertEquals("PAID", host.orderStatus(orderId));
        assertEquals(0, host.ledgerImbalance(orderId));
        assertEquals("provider_receivable,sales_revenue,shipping_revenue,tips_revenue", host.ledgerAccounts(orderId));
    }

    @Test
    void aDeclinedCardShowsTheFailureAndTheCartAndLeavesTheOrderOpen() {
        String sku = host.product("DIGITAL", 40, 500);
        FrameLocator app = host.openMiniApp(page, ALICE);
        app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("USD").setExact(true)).click();
        addToCartAndPay(app, title(sku));

        sheet(page).getByLabel("Card number (Stripe test cards)").fill("4000 0000 0000 0002");
        sheet(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Pay \\$"))).click();
        assertThat(sheet(page).getByRole(AriaRole.ALERT)).containsText("card_declined", SLOW);
        sheet(page).getByLabel("Close payment").click();

        assertThat(app.locator("#notice")).containsText("Payment failed.");
        assertThat(app.getByLabel("Remove " + title(sku))).isVisible(); // back on the cart
        Browser.screenshot(page, "miniapp-card-declined");
        assertEquals("PENDING_PAYMENT", host.orderStatus(host.orderOf(sku)));
    }

    @Test
    void aCancelledInvoiceCanBePaidLaterFromMyOrders() {
        String sku = host.product("DIGITAL", 35, 300);
        FrameLocator app = host.openMiniApp(page, ALICE);
        addToCartAndPay(app, title(sku));
        assertThat(sheet(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pay ⭐ 35"))).isVisible();
        sheet(page).getByLabel("Close payment").click();

        assertThat(app.locator("#notice")).containsText("Payment cancelled.");
        String orderId = host.orderOf(sku);
        assertEquals("PENDING_PAYMENT", host.orderStatus(orderId));

        app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("My orders")).click();
        app.getByLabel("Pay order " + orderId.substring(0, 8)).click();
        sheet(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pay ⭐ 35")).click();

        assertThat(app.locator("body")).containsText("Thank you! Payment received.", SLOW);
        Browser.screenshot(page, "miniapp-paid-later");
        assertEquals(orderId, orderIdOnScreen(app));
        assertEquals("PAID", host.orderStatus(orderId));
        assertEquals(1, host.ordersOf(sku));
        assertEquals(0, host.ledgerImbalance(orderId));
    }

    @Test
    void aPendingOutcomeShowsProcessingAndThenTheReceipt() {
        String sku = host.product("DIGITAL", 45, 300);
        FrameLocator app = host.openMiniApp(page, ALICE);
        // Hold the payment until the Mini App has shown "processing", as a slow provider would.
        AtomicReference<Route> heldPayment = new AtomicReference<>();
        page.route(Pattern.compile(".*/sandbox/api/invoices/[^/]+/pay$"), heldPayment::set);
        addToCartAndPay(app, title(sku));
        sheet(page).getByText("Pay, but report \"pending\" to the app").click();

        assertThat(app.locator("body")).containsText("Your payment is processing.");
        Browser.screenshot(page, "miniapp-processing");
        String orderId = host.orderOf(sku);
        assertEquals("PENDING_PAYMENT", host.orderStatus(orderId));
        heldPayment.get().resume();

        assertThat(app.locator("body")).containsText("Thank you! Payment received.", SLOW);
        Browser.screenshot(page, "miniapp-pending-receipt");
        assertEquals("PAID", host.orderStatus(orderId));
        assertEquals(0, host.ledgerImbalance(orderId));
    }

    @Test
    void payWithCardIsTheSecondaryButtonBesidePayWithStars() {
        String sku = host.product("DIGITAL", 40, 500);
        FrameLocator app = host.openMiniApp(page, ALICE);
        app.getByLabel("Add " + title(sku) + " to the cart").click();
        page.locator("#main-button").click(); // View cart
        assertThat(app.getByLabel("Remove " + title(sku))).isVisible();

        Locator stars = page.locator("#main-button");
        Locator card = page.locator("#secondary-button");
        assertThat(stars).hasText("Pay with Stars · 40 ⭐");
        assertThat(card).hasText("Pay with card · 5.00 USD");
        assertThat(page.locator("#bottom-bar")).hasAttribute("data-secondary-position", "top");
        assertEquals(true, card.boundingBox().y < stars.boundingBox().y, "the card button sits above Stars");
        Browser.screenshot(page, "miniapp-pay-with-card-button");
        card.click();

        assertThat(sheet(page).getByLabel("Card number (Stripe test cards)")).hasValue("4242 4242 4242 4242");
        sheet(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Pay \\$5\\.00"))).click();
        assertThat(app.locator("body")).containsText("Thank you! Payment received.", SLOW);
        assertThat(app.locator(".receipt .total")).containsText("5.00 USD");
        String orderId = orderIdOnScreen(app);
        assertEquals("PAID", host.orderStatus(orderId));
        assertEquals("USD", host.orderCurrency(orderId));
        assertEquals(0, host.ledgerImbalance(orderId));
        assertThat(card).isHidden(); // the receipt offers no payment
    }

    @Test
    void beforeBotApi710TheCartDrawsPayWithCardItself() {
        String sku = host.product("DIGITAL", 25, 300);
        page.navigate(server.getURL() + "/sandbox?user=" + ALICE + "&version=7.7");
        assertThat(page.locator("#phone[data-ready=true]")).hasCount(1, HostFixture.LAUNCHED);
        FrameLocator app = page.frameLocator("#mini-app");
        app.getByLabel("Add " + title(sku) + " to the cart").click();
        page.locator("#main-button").click(); // View cart

        assertThat(page.locator("#main-button")).hasText("Pay with Stars · 25 ⭐");
        assertThat(page.locator("#secondary-button")).isHidden();
        app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Pay with card · 3.00 USD")).click();
        assertThat(sheet(page).getByLabel("Card number (Stripe test cards)")).hasValue("4242 4242 4242 4242");
        sheet(page).getByLabel("Close payment").click();
        assertThat(app.locator("#notice")).containsText("Payment cancelled.");
        assertEquals("USD", host.orderCurrency(host.orderOf(sku)));
    }

    @Test
    void theHostsThemeSwitchChangesTheMiniAppsBackgroundAndTelegramsHeader() {
        FrameLocator app = host.openMiniApp(page, ALICE);
        String light = backgroundVariable(app);
        assertEquals("#ffffff", light);
        assertThat(app.locator("body")).hasCSS("background-color", "rgb(255, 255, 255)");
        assertThat(page.locator("#tg-header")).hasCSS("background-color", "rgb(255, 255, 255)");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to dark theme")).click();

        assertThat(app.locator("body")).hasCSS("background-color", "rgb(33, 33, 33)");
        assertNotEquals(light, backgroundVariable(app));
        // Telegram's header, set by the app with setHeaderColor('bg_color'), follows the theme too.
        assertThat(page.locator("#tg-header")).hasCSS("background-color", "rgb(33, 33, 33)");
        assertThat(page.locator("#tg-header")).hasCSS("color", "rgb(255, 255, 255)");
        Browser.screenshot(page, "miniapp-dark-theme");
    }

    private void addToCartAndPay(FrameLocator app, String title) {
        app.getByLabel("Add " + title + " to the cart").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^View cart"))).click();
        assertThat(app.getByLabel("Remove " + title)).isVisible();
        assertThat(page.locator("#main-button")).containsText("Pay with ");
        page.locator("#main-button").click(); // pays in the chosen currency; #secondary-button offers the other
        assertThat(sheet(page)).isVisible();
    }

    private static String title(String sku) {
        return "Browser " + sku.substring(8);
    }

    private static String orderIdOnScreen(FrameLocator app) {
        var matcher = UUID_TEXT.matcher(app.locator(".order-id").textContent());
        assertEquals(true, matcher.find(), "order id on the receipt");
        return matcher.group();
    }

    private static String backgroundVariable(FrameLocator app) {
        return ((String) app.locator("html").evaluate(
                "html => getComputedStyle(html).getPropertyValue('--tg-theme-bg-color')")).trim();
    }
}
