package dev.starshop.browser;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quality bar of the storefront: at 320 and 390 px, light and dark, English and Chinese, the
 * catalog, a product page and the cart each fit the width, pass axe-core's WCAG 2 A/AA rules with
 * no serious or critical finding, and log no console error or uncaught exception. One Chromium for
 * the class, a fresh context per combination; the demo shop as seeded, nothing created. Screenshots
 * of the phone land in target/screenshots/quality-&lt;screen&gt;-&lt;width&gt;-&lt;theme&gt;-&lt;language&gt;.png.
 */
@Tag("browser")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniAppQualityBrowserTest extends BrowserTestBase {

    @ParameterizedTest(name = "{0} px, {1}, {2}")
    @CsvSource({"320,light,en", "320,light,zh", "320,dark,en", "320,dark,zh",
            "390,light,en", "390,light,zh", "390,dark,en", "390,dark,zh"})
    void catalogProductPageAndCartAreAccessibleAndQuiet(int width, String theme, String language) {
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text() + " @ " + message.location());
            }
        });
        page.onPageError(error -> errors.add("uncaught: " + error));
        long user = "zh".equals(language) ? HostFixture.LI : HostFixture.ALICE;
        page.navigate(server.getURL() + "/sandbox?user=" + user + "&width=" + width + "&theme=" + theme);
        assertThat(page.locator("#phone[data-ready=true]")).hasCount(1, HostFixture.LAUNCHED);
        FrameLocator app = page.frameLocator("#mini-app");
        String combination = width + "-" + theme + "-" + language;

        assertThat(app.locator(".grid .product").first()).isVisible();
        Frame frame = appFrame();
        assertEquals("zh".equals(language) ? "zh-Hans" : "en", frame.evaluate("() => document.documentElement.lang"));
        assertEquals(theme, frame.evaluate("() => document.documentElement.dataset.colorScheme"));
        checkScreen(frame, "catalog-" + combination);

        app.locator(".grid .product-open").first().click();
        assertThat(app.locator(".product-page")).isVisible();
        checkScreen(frame, "product-" + combination);

        app.locator(".product-page button.add").click();
        assertThat(app.locator(".product-page .stepper output")).hasText("1");
        page.locator("#main-button").click(); // View cart
        assertThat(app.locator(".cart-line")).hasCount(1);
        assertThat(page.locator("#main-button")).isVisible();
        checkScreen(frame, "cart-" + combination);

        assertEquals(List.of(), errors, "console errors and uncaught exceptions");
    }

    /** No sideways scrolling, no serious accessibility finding, and a screenshot of the phone. */
    private void checkScreen(Frame frame, String name) {
        awaitVisiblePictures(frame);
        assertEquals(Boolean.TRUE, frame.evaluate(
                "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), name + " fits");
        assertEquals(List.of(), Accessibility.seriousViolations(frame), name);
        Locator phone = page.locator("#phone");
        phone.screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/quality-" + name + ".png")));
    }

    /** Pictures load lazily: wait for those on screen, so the screenshot shows them. */
    private static void awaitVisiblePictures(Frame frame) {
        frame.evaluate("() => Promise.all([...document.images]"
                + ".filter(i => i.getBoundingClientRect().top < innerHeight && !i.complete)"
                + ".map(i => new Promise(done => { i.onload = done; i.onerror = done; })))");
    }

    private Frame appFrame() {
        return page.frames().stream().filter(f -> f.url().contains("/app/")).findFirst().orElseThrow();
    }
}
