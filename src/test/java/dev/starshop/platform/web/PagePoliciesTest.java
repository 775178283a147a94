package dev.starshop.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only an origin reaches the script-src directive, whatever the configured script URL holds. */
class PagePoliciesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://telegram.org/js/telegram-web-app.js|' https://telegram.org'",
            "http://localhost:9/offline/telegram-web-app.js?v=1&x=\"2\"|' http://localhost:9'",
            "HTTPS://Telegram.ORG:8443/x.js|' https://telegram.org:8443'",
            "/sandbox/telegram-web-app.js|''",
            "https://evil.example; script-src *|''",
            "javascript:alert(1)|''",
            "https://telegram.org|' https://telegram.org'"})
    void scriptOriginIsSchemeHostAndPortOnly(String url, String expected) {
        assertEquals(expected, PagePolicies.scriptOrigin(url));
    }
}
