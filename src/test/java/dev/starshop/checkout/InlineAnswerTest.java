package dev.starshop.checkout;

import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.starshop.checkout.CheckoutFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With inline answers on, the pre-checkout answer travels in the webhook response body. */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.telegram.answer-queries-inline", value = "true")
class InlineAnswerTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    SandboxTelegram telegram;

    @Test
    void aStarsPaymentGoesThroughWithTheAnswerInTheWebhookResponse() {
        CheckoutFixture shop = new CheckoutFixture(new Api(http), InitDataSigner.forToken(bot.token()), telegram);
        shop.waitForBot();
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = shop.order(alice, "XTR", shop.product("DIGITAL", null, 30, 250), 1);

        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());

        shop.awaitStatus(alice, order.get("id"), "PAID");
        List<String> answeredVia = telegram.calls().stream()
                .filter(call -> "answerPreCheckoutQuery".equals(call.method())).map(call -> call.via()).toList();
        assertEquals(List.of("webhook-answer"), answeredVia, "answered once, in the webhook response");
    }
}
