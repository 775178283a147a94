package dev.starshop.sandbox;

import dev.starshop.support.MovableClock;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An invoice link lives until it is paid or until invoice-max-age; then paying it fails as an unknown link. */
@MicronautTest
@Property(name = "starshop.sandbox.invoice-max-age", value = "1h")
class InvoiceLifetimeTest {

    private static final long ALICE = 100001;
    static final MovableClock CLOCK = new MovableClock();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials credentials;

    @Inject
    SandboxTelegram sandbox;

    BotApiClient bot;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @BeforeEach
    void setUp() {
        sandbox.reset();
        bot = new BotApiClient(http, credentials.token());
    }

    @Test
    void anUnpaidInvoiceOlderThanTheMaxAgeIsGoneAndCannotBePaid() {
        String link = newLink();
        long balance = sandbox.user(ALICE).orElseThrow().starBalance();

        CLOCK.advance(Duration.ofMinutes(61));
        PayOutcome outcome = sandbox.pay(link, PayRequest.stars(ALICE));

        assertTrue(sandbox.invoice(link).isEmpty());
        assertEquals("failed", outcome.status());
        assertEquals("invoice not found", outcome.reason());
        assertEquals(balance, sandbox.user(ALICE).orElseThrow().starBalance());
        assertTrue(sandbox.updates().isEmpty(), "no pre-checkout query for a forgotten link");
    }

    @Test
    void aPaidInvoiceIsForgottenAndASecondPaymentFails() {
        String link = newLink();
        // No bot answers here: answer the pre-checkout query the way a bot would, by polling.
        Thread answering = new Thread(this::answerOnePreCheckoutQuery);
        answering.start();

        PayOutcome first = sandbox.pay(link, PayRequest.stars(ALICE));
        PayOutcome second = sandbox.pay(link, PayRequest.stars(ALICE));

        assertEquals("paid", first.status(), first.reason());
        assertEquals("failed", second.status());
        assertEquals("invoice not found", second.reason());
        assertTrue(sandbox.invoice(link).isEmpty());
    }

    private void answerOnePreCheckoutQuery() {
        BotApiClient.await("a pre-checkout query", () -> sandbox.updates().stream()
                .anyMatch(u -> "pre_checkout_query".equals(u.get("kind"))));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> update = (java.util.Map<String, Object>) sandbox.updates().stream()
                .filter(u -> "pre_checkout_query".equals(u.get("kind"))).findFirst().orElseThrow().get("update");
        @SuppressWarnings("unchecked")
        String id = (String) ((java.util.Map<String, Object>) update.get("pre_checkout_query")).get("id");
        bot.call("answerPreCheckoutQuery", java.util.Map.of("pre_checkout_query_id", id, "ok", true));
    }

    private String newLink() {
        return (String) bot.call("createInvoiceLink", BotApiSurfaceTest.starsInvoice()).result();
    }
}
