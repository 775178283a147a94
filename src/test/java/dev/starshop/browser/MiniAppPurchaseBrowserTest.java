package dev.starshop.browser;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.starshop.browser.HostFixture.ALICE;
import static dev.starshop.browser.HostFixture.LI;
import static dev.starshop.browser.HostFixture.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real Mini App inside the sandbox host, on Telegram's official telegram-web-app.js. */
@Tag("browser")
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
// Paid-order alerts on (application-test.yml switches every kind off): they land in the operator tab.
@Property(name = "starshop.operator.muted",
        value = "needs-review,refund,chargeback,delivery-failed,code-pool-low,reconciliation,subscription-cancelled,endpoint-failing")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniAppPurchaseBrowserTest extends BrowserTestBase {

    private static final LocatorAssertions.HasTextOptions SLOW_TEXT =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);
    private static final LocatorAssertions.IsVisibleOptions SLOW_VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    @Test
    void aStarsPurchaseEndsWithAReceiptAPaidOrderAndABalancedLedger() {
        String sku = host.product("DIGITAL", 90, 300);
        FrameLocator app = host.openMiniApp(page, ALICE);
        String title = "Browser " + sku.substring(8);

        app.getByLabel("Add " + title + " to the cart").click();
        page.locator("#main-button").click(); // View cart
        assertThat(page.locator("#main-button")).containsText("Pay");
        page.locator("#main-button").click();
        assertThat(sheet(page).locator(".pay")).hasText("Pay ⭐ 90");
        sheet(page).locator(".pay").click();

        assertThat(app.locator("body")).containsText("Thank you! Payment received.", SLOW);
        Browser.screenshot(page, "miniapp-stars-receipt");
        String orderId = host.orderOf(sku);
        assertEquals("PAID", host.orderStatus(orderId));
        assertEquals(0, host.ledgerImbalance(orderId));

        // The bot's receipt reaches Alice's chat, which the host shows beside the Mini App.
        assertThat(page.locator("#chat li.service").last()).containsText("You paid ⭐ 90", SLOW);
        assertThat(page.locator("#chat li.bot .text").last())
                .containsText("Payment received: 90 ⭐ for order #" + orderId.substring(0, 8), SLOW);
        assertThat(page.locator("#chat li.bot .copy").last()).isVisible();
        Browser.screenshot(page, "sandbox-chat-receipt");
    }

    @Test
    void aPaidOrderAlertsTheShopOperatorsInTheirTab() {
        String sku = host.product("DIGITAL", 40, 300);
        FrameLocator app = host.openMiniApp(page, ALICE);
        String title = "Browser " + sku.substring(8);
        assertThat(page.locator("#operator-chat-panel")).isHidden();

        app.getByLabel("Add " + title + " to the cart").click();
        page.locator("#main-button").click(); // View cart
        page.locator("#main-button").click(); // Pay
        assertThat(sheet(page).locator(".pay")).hasText("Pay ⭐ 40");
        sheet(page).locator(".pay").click();
        assertThat(app.locator("body")).containsText("Thank you! Payment received.", SLOW);
        String shortId = "#" + host.orderOf(sku).substring(0, 8);

        // The bot alerts the operator group; the tab counts it while the buyer's chat is shown.
        assertThat(page.locator("#operator-unread")).isVisible(SLOW_VISIBLE);
        page.locator("#operator-tab").click();
        assertThat(page.locator("#operator-chat")).containsText(shortId, SLOW);
        assertThat(page.locator("#operator-chat li.bot").filter(new Locator.FilterOptions().setHasText(shortId)))
                .containsText("40 ⭐");
        assertThat(page.locator("#operator-unread")).isHidden();
        assertThat(page.locator("#chat")).isHidden();
        Browser.screenshot(page, "sandbox-operator-chat");
    }

    @Test
    void aBoughtCodeArrivesInTheChatAndInMyPurchases() {
        String code = "KEY-" + System.nanoTime();
        String sku = host.codesProduct(30, code);
        FrameLocator app = host.openMiniApp(page, ALICE);
        String title = "Browser key " + sku.substring(8);

        app.getByLabel("Add " + title + " to the cart").click();
        page.locator("#main-button").click(); // View cart
        page.locator("#main-button").click(); // Pay
        assertThat(sheet(page).locator(".pay")).hasText("Pay ⭐ 30");
        sheet(page).locator(".pay").click();
        assertThat(app.locator("body")).containsText("Thank you! Payment received.", SLOW);

        // Delivered by the bot after the payment's commit: the code is in Alice's chat pane…
        assertThat(page.locator("#chat")).containsText("Your key: " + code, SLOW);
        // …and in My purchases, with a copy button; the order is FULFILLED once the code was sent.
        app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("My purchases")).click();
        assertThat(app.locator(".purchases code.code").first()).hasText(code, SLOW_TEXT);
        assertThat(app.locator(".purchases")).containsText(title);
        Browser.screenshot(page, "miniapp-my-purchases-code");
        assertEquals("FULFILLED", host.orderStatus(host.orderOf(sku)));
    }

    @Test
    void zhHansBuyersSeeTheChineseUi() {
        String sku = host.product("DIGITAL", 10, 100);
        FrameLocator app = host.openMiniApp(page, LI);

        assertThat(app.getByLabel("将Browser " + sku.substring(8) + "加入购物车")).isVisible();
        assertThat(app.locator("body")).containsText("商品");
        Browser.screenshot(page, "miniapp-zh-hans");
    }
}
