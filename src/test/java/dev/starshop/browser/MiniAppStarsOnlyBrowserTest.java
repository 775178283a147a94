package dev.starshop.browser;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.starshop.browser.HostFixture.ALICE;

/**
 * A shop without a card provider (the sandbox's stand-in provider switched off): the catalog offers
 * Stars only, so the cart has "Pay with Stars" and no SecondaryButton.
 */
@Tag("browser")
@MicronautTest(transactional = false)
@Property(name = "starshop.sandbox.card-payments", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniAppStarsOnlyBrowserTest extends BrowserTestBase {

    @Test
    void withoutACardProviderTheCartOffersStarsAlone() {
        String sku = host.product("DIGITAL", 30, 200); // priced in USD too, but USD cannot be taken
        FrameLocator app = host.openMiniApp(page, ALICE);
        String title = "Browser " + sku.substring(8);
        app.getByLabel("Add " + title + " to the cart").click();
        assertThat(app.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("USD"))).hasCount(0);
        page.locator("#main-button").click(); // View cart

        assertThat(app.getByLabel("Remove " + title)).isVisible();
        assertThat(page.locator("#main-button")).hasText("Pay with Stars · 30 ⭐");
        assertThat(page.locator("#main-button")).isVisible();
        assertThat(page.locator("#secondary-button")).isHidden();
        assertThat(app.locator("#pay-other")).hasCount(0);
        Browser.screenshot(page, "miniapp-stars-only-cart");
    }
}
