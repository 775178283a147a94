package dev.starshop.browser;

import com.microsoft.playwright.FrameLocator;
import dev.starshop.sandbox.SandboxTelegram;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.starshop.browser.HostFixture.ALICE;
import static dev.starshop.browser.HostFixture.awaitEvent;
import static dev.starshop.browser.HostFixture.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sandbox host on its own: a probe Mini App running Telegram's official telegram-web-app.js
 * talks to the host page, and every payment goes through the real engine and the emulator.
 */
@Tag("browser")
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxHostBrowserTest extends BrowserTestBase {

    @Inject
    SandboxTelegram telegram;

    @Test
    void launchParametersAreSignedButtonsAndThemeFollowTheProtocol() {
        FrameLocator app = host.openWithProbe(page, ALICE, host.product("DIGITAL", 10, 100));

        assertThat(app.locator("#who")).hasText("200 Alice");
        assertThat(app.locator("#scheme")).hasText("light #ffffff");
        assertThat(page.locator("#main-button")).hasText("Main action");
        page.locator("#main-button").click();
        awaitEvent(app, "main button");
        page.locator("#back-button").click();
        awaitEvent(app, "back button");
        awaitEvent(app, "viewport ");

        page.locator("#theme-toggle").click();
        awaitEvent(app, "themeChanged dark");
        assertThat(app.locator("#scheme")).hasText("dark #212121");
        Browser.screenshot(page, "host-dark-theme");
    }

    @Test
    void theSecondaryButtonIsDrawnWhereItsPositionSaysAndReportsClicks() {
        FrameLocator app = host.openWithProbe(page, ALICE, host.product("DIGITAL", 10, 100));
        var main = page.locator("#main-button");
        var secondary = page.locator("#secondary-button");

        assertThat(secondary).hasText("Secondary action");
        assertThat(secondary).hasClass(java.util.regex.Pattern.compile("\\bshine\\b"));
        assertThat(secondary).hasCSS("color", "rgb(51, 144, 236)"); // the theme's button_color, as the script defaults
        assertEquals(true, secondary.boundingBox().x < main.boundingBox().x, "left of the main button");
        assertEquals(secondary.boundingBox().y, main.boundingBox().y, "on one row");
        secondary.click();
        awaitEvent(app, "secondary button");

        app.locator("#secondary-top").click();
        assertThat(secondary).isDisabled();
        assertThat(secondary).hasCSS("background-color", "rgb(0, 170, 0)");
        assertEquals(true, secondary.boundingBox().y + secondary.boundingBox().height <= main.boundingBox().y, "above");
        Browser.screenshot(page, "host-secondary-button");
    }

    @Test
    void aStarsInvoiceIsPaidInTheSheetAndLandsInTheLedger() {
        FrameLocator app = host.openWithProbe(page, ALICE, host.product("DIGITAL", 120, 300));
        long balanceBefore = telegram.user(ALICE).orElseThrow().starBalance();

        app.locator("#buy").click();
        assertThat(sheet(page).locator(".pay")).hasText("Pay ⭐ 120");
        Browser.screenshot(page, "host-stars-sheet");
        sheet(page).locator(".pay").click();

        awaitEvent(app, "invoice paid");
        String orderId = app.locator("#order").textContent();
        HostFixtureWait.until(() -> "PAID".equals(host.orderStatus(orderId)));
        assertEquals(0, host.ledgerImbalance(orderId));
        assertEquals(2, host.ledgerPostings(orderId));
        assertEquals(balanceBefore - 120, telegram.user(ALICE).orElseThrow().starBalance());
        assertThat(page.locator("#log")).containsText("successful_payment");
    }

    @Test
    void aCardWithShippingAndATipPaysTheWholeTotal() {
        FrameLocator app = host.openWithProbe(page, ALICE, host.product("PHYSICAL", 400, 1200));
        app.locator("#currency").fill("USD");

        app.locator("#buy").click();
        assertThat(sheet(page).locator("#card-number")).hasValue("4242 4242 4242 4242");
        sheet(page).getByText("$1.00").click();
        Browser.screenshot(page, "host-card-sheet");
        sheet(page).locator(".pay").click();

        awaitEvent(app, "invoice paid");
        String orderId = app.locator("#order").textContent();
        HostFixtureWait.until(() -> "PAID".equals(host.orderStatus(orderId)));
        assertEquals(0, host.ledgerImbalance(orderId));
        assertEquals(4, host.ledgerPostings(orderId), "receivable, sales, shipping and tip");
    }

    @Test
    void aDeclinedCardReportsFailedAndTheSameOrderCanBePaidAfterACancel() {
        FrameLocator app = host.openWithProbe(page, ALICE, host.product("DIGITAL", 50, 300));
        app.locator("#currency").fill("USD");

        app.locator("#buy").click();
        sheet(page).locator("#card-number").fill("4000 0000 0000 0002");
        sheet(page).locator(".pay").click();
        assertThat(sheet(page).locator(".error")).containsText("card_declined");
        Browser.screenshot(page, "host-card-declined");
        sheet(page).getByLabel("Close payment").click();
        awaitEvent(app, "invoice failed");

        app.locator("#again").click();
        sheet(page).getByLabel("Close payment").click();
        awaitEvent(app, "invoice cancelled");
        String orderId = app.locator("#order").textContent();
        assertEquals("PENDING_PAYMENT", host.orderStatus(orderId));

        app.locator("#again").click();
        sheet(page).locator(".pay").click();
        awaitEvent(app, "invoice paid");
        HostFixtureWait.until(() -> "PAID".equals(host.orderStatus(orderId)));
    }

    @Test
    void pendingIsReportedFirstAndThePaymentStillCompletes() {
        FrameLocator app = host.openWithProbe(page, ALICE, host.product("DIGITAL", 30, 300));

        app.locator("#buy").click();
        sheet(page).getByText("Pay, but report \"pending\" to the app").click();

        awaitEvent(app, "invoice pending");
        String orderId = app.locator("#order").textContent();
        HostFixtureWait.until(() -> "PAID".equals(host.orderStatus(orderId)));
    }
}
