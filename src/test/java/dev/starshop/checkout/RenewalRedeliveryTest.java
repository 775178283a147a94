package dev.starshop.checkout;

import dev.starshop.checkout.PaymentUpdates.Sent;
import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A renewal Telegram delivers twice (same update, or the same charge under a new update_id) is one renewal. */
@MicronautTest(transactional = false)
class RenewalRedeliveryTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    @Test
    void aRedeliveredRenewalCreatesNoSecondOrder() {
        Api api = new Api(http);
        Db db = new Db(dataSource);
        CheckoutFixture shop = new CheckoutFixture(api, InitDataSigner.forToken(bot.token()), null);
        long buyerId = 8_000_000_000L + System.nanoTime() % 1_000_000;
        String buyer = shop.buyer(buyerId, "en");
        String sku = ShopFixture.product("renew").title("Club").description("Monthly.").kind("SUBSCRIPTION")
                .price("XTR", 90).create(api);
        String orderId = (String) shop.order(buyer, "XTR", sku, 1).get("id");
        PaymentUpdates updates = new PaymentUpdates(System.currentTimeMillis() * 10 + 7);
        String charge = "stx-renewal-" + UUID.randomUUID();

        deliver(api, updates.firstSubscriptionPayment(buyerId, 90, orderId, charge + "-first"));
        Sent renewal = updates.renewal(buyerId, 90, orderId, charge, 1);
        deliver(api, renewal);
        deliver(api, renewal);
        deliver(api, updates.redelivered(renewal));

        assertEquals(2, db.count("SELECT count(*) FROM orders WHERE buyer_id = ?", buyerId),
                "the first order and one renewal order");
        assertEquals(0, db.count("SELECT count(*) FROM orders o WHERE o.buyer_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM ledger_transactions t WHERE t.order_id = o.id)", buyerId),
                "every order has its ledger transaction");
        assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", charge));
    }

    private static void deliver(Api api, Sent update) {
        assertEquals(200, api.send(HttpRequest.POST("/telegram/webhook", update.json()).contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret")).status());
    }
}
