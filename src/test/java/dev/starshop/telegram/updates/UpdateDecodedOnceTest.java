package dev.starshop.telegram.updates;

import dev.starshop.support.Db;
import dev.starshop.support.TelegramUpdates;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A successful_payment posted to the webhook is read once: the single decode entry point runs once
 * for it, and nothing after (classifier, checkout, receipts) reads its JSON again.
 * {@link UpdateDecodedOncePollingTest} holds long polling to the same count.
 */
@MicronautTest(transactional = false)
class UpdateDecodedOnceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    UpdateDecoder decoder;

    @Inject
    DataSource dataSource;

    @Test
    void aWebhookDeliveryOfASuccessfulPaymentIsDecodedOnce() throws Exception {
        long updateId = 7_400_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String body = TelegramUpdates.successfulPayment().updateId(updateId).buyer(100001, "Ann").currency("XTR")
                .total(5).payload("not-an-order").charge("stxONCE" + updateId)
                .with("a_field_from_tomorrow", Map.of("x", 1)).json();
        long before = decoder.decodes();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(server.getURI() + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(1, decoder.decodes() - before, "decodes for one webhook delivery");
        Db db = new Db(dataSource);
        assertEquals("PaymentSucceeded|WEBHOOK|1", db.text("SELECT kind || '|' || source || '|' || "
                + "(payload->'message'->'successful_payment'->'a_field_from_tomorrow'->>'x') "
                + "FROM telegram_updates WHERE update_id = ?", updateId), "stored as sent, unknown fields too");
        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?",
                "stxONCE" + updateId));
    }
}
