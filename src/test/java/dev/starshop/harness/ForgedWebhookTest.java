package dev.starshop.harness;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.PathSpellings;
import dev.starshop.support.RawRequest;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The attack of issue 12, replayed: a buyer places an order, then posts Telegram's
 * {@code successful_payment} for it — right amount, own order id as payload — to the webhook
 * without the secret, under every spelling of the path and every method. Nothing may be
 * acknowledged, the order must stay unpaid and no row may change anywhere.
 */
@MicronautTest(transactional = false)
class ForgedWebhookTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    @Test
    void aForgedPaymentUnderAnySpellingOrMethodIsRefusedAndChangesNothing() {
        HarnessShop shop = new HarnessShop(new Api(http), bot.token());
        String buyer = shop.buyer(412_001);
        Map<String, Object> placed = shop.placeOrder(buyer, shop.product(150)).json();
        PayableOrder order = new PayableOrder(UUID.fromString((String) placed.get("id")), 412_001, "XTR",
                ((Number) placed.get("totalAmount")).longValue(), (String) placed.get("invoiceLink"));
        Db db = new Db(dataSource);
        Map<String, Long> before = TableCounts.of(db);
        List<String> acknowledged = new ArrayList<>();

        long updateId = 9_412_000_000L;
        for (String spelling : PathSpellings.of(WebhookFuzz.PATH)) {
            for (String method : PathSpellings.METHODS) {
                byte[] forged = PaymentUpdate.paying(order, "forged-" + updateId, updateId++).json()
                        .getBytes(StandardCharsets.UTF_8);
                for (Map<String, String> headers : List.of(Map.of("Content-Type", "application/json"),
                        Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token", "guess"))) {
                    RawRequest.Answer answer = RawRequest.send(server.getURI(), method, spelling, headers, forged);
                    if (answer.isSuccess()) {
                        acknowledged.add(method + " " + spelling + " " + headers.keySet() + " -> " + answer.status());
                    }
                }
            }
        }

        assertEquals(List.of(), acknowledged);
        assertEquals("PENDING_PAYMENT", shop.order(buyer, order.id()).get("status"));
        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)));
    }
}
