package dev.starshop.events;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which URLs may receive events (the SSRF stance in docs/events.md). */
class EndpointUrlsTest {

    private static final Set<String> SELF = Set.of("localhost:8080", "shop.example.com:443");

    @Test
    void refusesWhatIsNotAnHttpEndpointOnTheInternet() {
        refused("ftp://example.com/hook", "only http and https");
        refused("javascript:alert(1)", "only http and https");
        refused("https:///nohost", "no host");
        refused("https://user:pw@example.com/hook", "credentials");
        refused("not a url", "not a URL");
        refused("", "required");
        refused("http://127.0.0.1:9000/hook", "loopback or private");
        refused("http://localhost:9000/hook", "loopback or private");
        refused("http://10.1.2.3/hook", "loopback or private");
        refused("http://192.168.0.10/hook", "loopback or private");
        refused("http://169.254.169.254/latest/meta-data", "link-local (cloud metadata)");
        refused("http://[::1]:9000/hook", "loopback or private");
        refused("http://[fd00::1]/hook", "loopback or private");
        refused("http://0.0.0.0:9000/hook", "unspecified");
        refused("https://no-such-host.invalid/hook", "does not resolve");
    }

    @Test
    void theEngineItselfIsRefusedEvenWhenPrivateTargetsAreAllowed() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> EndpointUrls.check("http://127.0.0.1:8080/sandbox/events/receive", true, SELF));
        assertTrue(e.getMessage().contains("this engine itself"), e.getMessage());
    }

    @Test
    void privateTargetsPassWhenConfigured() {
        assertEquals("http://127.0.0.1:9000/hook", EndpointUrls.check("http://127.0.0.1:9000/hook", true, SELF));
        assertEquals("http://10.1.2.3/hook", EndpointUrls.check("http://10.1.2.3/hook", true, SELF));
    }

    @Test
    void cloudMetadataIsRefusedEvenWhenPrivateTargetsAreAllowed() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> EndpointUrls.check("http://169.254.169.254/latest/meta-data", true, SELF));
        assertTrue(e.getMessage().contains("link-local"), e.getMessage());
    }

    private static void refused(String url, String why) {
        ProblemException e = assertThrows(ProblemException.class, () -> EndpointUrls.check(url, false, SELF), url);
        assertEquals(ProblemCode.INVALID_EVENT_ENDPOINT, e.code());
        assertTrue(e.getMessage().contains(why), url + ": " + e.getMessage());
    }
}
