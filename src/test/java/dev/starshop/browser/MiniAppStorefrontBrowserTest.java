package dev.starshop.browser;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.options.AriaRole;
import dev.starshop.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.starshop.browser.HostFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storefront at 320 px in the sandbox host, on Telegram's official telegram-web-app.js: the
 * two-column grid, the product page, categories, search, deep links, a cart that survives a reload,
 * the dark theme, and an axe-core accessibility check.
 */
@Tag("browser")
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.links.bot-username", value = "starshop_sandbox_bot")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniAppStorefrontBrowserTest extends BrowserTestBase {

    @Test
    void at320PixelsTheCatalogIsATwoColumnGridWithSteppers() {
        String sku = host.product("DIGITAL", 40, 100);
        FrameLocator app = open("width=320");
        Frame frame = appFrame();

        assertThat(app.locator(".grid .product").first()).isVisible();
        assertEquals(2, ((Number) frame.evaluate("() => getComputedStyle(document.querySelector('.grid'))"
                + ".gridTemplateColumns.split(' ').length")).intValue());
        assertEquals(Boolean.TRUE, frame.evaluate("() => { const [a, b] = document.querySelectorAll('.grid .product');"
                + " return a.getBoundingClientRect().top === b.getBoundingClientRect().top"
                + " && a.getBoundingClientRect().left < b.getBoundingClientRect().left; }"));
        assertEquals(Boolean.TRUE, frame.evaluate(
                "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));

        String title = "Browser " + sku.substring(8);
        app.getByLabel("Add " + title + " to the cart").click();
        app.getByLabel("One more " + title).click();
        assertThat(app.locator("[data-sku='" + sku + "'] output")).hasText("2");
        assertThat(page.locator("#main-button")).containsText("View cart");
        Browser.screenshot(page, "storefront-320-grid");
    }

    @Test
    void categoriesSearchAndTheProductPage() {
        String category = "cat-" + UUID.randomUUID().toString().substring(0, 8);
        new Api(http).admin(HttpRequest.POST("/api/admin/categories",
                Map.of("slug", category, "title", "Lamps " + category.substring(4))));
        String lamp = productIn(category, "Desk lamp " + category.substring(4));
        String other = host.product("DIGITAL", 10, 100);
        FrameLocator app = open("width=320");

        app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Lamps " + category.substring(4)))
                .click();
        assertThat(app.locator("[data-sku='" + lamp + "']")).isVisible();
        assertThat(app.locator("[data-sku='" + other + "']")).hasCount(0);

        app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("All")).click();
        app.getByLabel("Search the shop").fill("Browser " + other.substring(8));
        assertThat(app.locator(".grid .product")).hasCount(1);
        assertThat(app.locator("[data-sku='" + other + "']")).isVisible();

        app.getByLabel("Search the shop").fill("");
        app.getByLabel("Open Desk lamp " + category.substring(4)).click();
        assertThat(app.locator(".product-page")).containsText("Bought in a real browser.");
        assertThat(app.locator(".product-page .price")).hasText("25 ⭐");
        page.locator("#back-button").click();
        assertThat(app.locator(".grid")).isVisible();
    }

    @Test
    void aDeepLinkOpensTheProductAndABrokenOneSaysSo() {
        String sku = host.product("DIGITAL", 15, 100);
        FrameLocator app = open("width=320&startapp=p_" + sku + "__s_newsletter");

        assertThat(app.locator(".product-page")).containsText("Browser " + sku.substring(8));
        assertThat(page.locator("#back-button")).isVisible();
        Browser.screenshot(page, "storefront-320-product-page");

        FrameLocator broken = open("width=320&startapp=p_" + sku + "__p_" + sku);
        assertThat(broken.locator("#notice")).containsText("This link is broken");
        assertThat(broken.locator(".grid")).isVisible();
    }

    @Test
    void shareSendsACardPreparedByTheBotWhoseButtonLinksBackToTheProduct() {
        String sku = host.product("DIGITAL", 15, 100);
        FrameLocator app = open("width=320&startapp=p_" + sku);

        app.getByLabel("Share Browser " + sku.substring(8) + " with a friend").click();
        assertThat(page.locator("#share-dialog .shared-text")).containsText("Bought in a real browser.");
        assertThat(page.locator("#share-dialog .shared-button")).hasAttribute("href",
                "https://t.me/starshop_sandbox_bot/shop?startapp=p_" + sku + "__s_share__r_" + ALICE);
        Browser.screenshot(page, "storefront-share-dialog");
        page.locator("#share-dialog").getByText("Send").click();
        assertThat(app.locator("#notice")).containsText("Shared.");
    }

    @Test
    void theCartIsRestoredAfterTheAppIsReopened() {
        String sku = host.product("DIGITAL", 20, 100);
        String title = "Browser " + sku.substring(8);
        FrameLocator app = open("width=320");
        app.getByLabel("Add " + title + " to the cart").click();
        app.getByLabel("One more " + title).click();
        assertThat(app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Cart (2)"))).isVisible();

        page.locator("#reload-button").click(); // the Mini App starts again, as after closing and reopening it
        FrameLocator reopened = page.frameLocator("#mini-app");
        assertThat(reopened.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Cart (2)")))
                .isVisible();
        reopened.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Cart (2)")).click();
        assertThat(reopened.locator(".cart-line")).containsText(title);
        assertThat(reopened.locator(".total")).containsText("40 ⭐"); // priced from today's catalog
    }

    @Test
    void theDarkThemeAt320PixelsHasNoSeriousAccessibilityViolations() {
        host.product("DIGITAL", 30, 100);
        FrameLocator app = open("width=320&theme=dark");
        assertThat(app.locator(".grid .product").first()).isVisible();
        Frame frame = appFrame();

        assertEquals("dark", frame.evaluate("() => document.documentElement.dataset.colorScheme"));
        String background = (String) frame.evaluate("() => getComputedStyle(document.body).backgroundColor");
        assertTrue(isDark(background), "the page follows themeParams: " + background);
        Browser.screenshot(page, "storefront-320-dark");

        assertEquals(List.of(), Accessibility.seriousViolations(frame));
        app.getByLabel("Open Browser", new FrameLocator.GetByLabelOptions()).first().click();
        assertThat(app.locator(".product-page")).isVisible();
        assertEquals(List.of(), Accessibility.seriousViolations(frame));
    }

    @Test
    void chineseBuyersGetTheStorefrontInChinese() {
        String sku = host.product("DIGITAL", 12, 100);
        FrameLocator app = openAs(HostFixture.LI, "width=320");

        assertThat(app.getByLabel("搜索商品")).isVisible();
        assertThat(app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("全部"))).isVisible();
        app.getByLabel("将Browser " + sku.substring(8) + "加入购物车").click();
        assertThat(app.getByLabel("增加一件Browser " + sku.substring(8))).isVisible();
        Browser.screenshot(page, "storefront-320-zh");
    }

    private FrameLocator open(String query) {
        return openAs(ALICE, query);
    }

    private FrameLocator openAs(long user, String query) {
        page.navigate(server.getURL() + "/sandbox?user=" + user + "&" + query);
        assertThat(page.locator("#phone[data-ready=true]")).hasCount(1, HostFixture.LAUNCHED);
        return page.frameLocator("#mini-app");
    }

    private Frame appFrame() {
        return page.frames().stream().filter(f -> f.url().contains("/app/")).findFirst().orElseThrow();
    }

    private String productIn(String category, String title) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("sku", "lamp-" + category.substring(4),
                "title", title, "description", "Bought in a real browser.", "kind", "DIGITAL",
                "prices", List.of(Map.of("currency", "XTR", "amount", 25)), "category", category));
        Api.Reply created = new Api(http).admin(HttpRequest.POST("/api/admin/products", body));
        assertEquals(201, created.status(), String.valueOf(created.body()));
        return (String) body.get("sku");
    }

    private static boolean isDark(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]) + Integer.parseInt(parts[2]) < 200;
    }
}
