package dev.starshop.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless system Chromium per test class. Every page gets Telegram's official script in place
 * of https://telegram.org/js/telegram-web-app.js, so the Mini App runs exactly the code Telegram
 * ships, while the machine stays offline.
 */
final class Browser implements AutoCloseable {

    static final String TELEGRAM_SCRIPT_URL = "https://telegram.org/js/telegram-web-app.js";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** Flags that work as root and offline (BUILD-NOTES). */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final Path telegramScript;

    Browser() {
        Path executable = BrowserPrerequisites.chromium();
        this.telegramScript = BrowserPrerequisites.telegramScript();
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS));
    }

    /** A fresh profile (no sessionStorage carried over), desktop-sized so host and log fit. */
    Page newPage() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1200, 820).setLocale("en-US"));
        context.route(TELEGRAM_SCRIPT_URL, route -> route.fulfill(new Route.FulfillOptions()
                .setPath(telegramScript).setContentType("application/javascript")));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
