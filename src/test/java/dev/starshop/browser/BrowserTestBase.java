package dev.starshop.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.starshop.support.Api;
import dev.starshop.support.Db;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;

/**
 * One Chromium per test class, a fresh page (browser context) per test, and the sandbox host of
 * the engine under test. Subclasses carry the Micronaut test annotations and per-class lifecycle.
 */
abstract class BrowserTestBase {

    /** For text that appears only after a payment has gone through Telegram and back. */
    static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    Browser browser;
    HostFixture host;
    Page page;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openPage() {
        host = new HostFixture(server.getURL().toString(), new Api(http), new Db(dataSource));
        page = browser.newPage();
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }
}
