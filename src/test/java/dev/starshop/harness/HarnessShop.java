package dev.starshop.harness;

import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shop as the harness sees it: products, buyers and orders through the public API, refunds
 * through the admin API, and the two books a refund must agree with — ours (the ledger) and
 * Telegram's (the emulator's Stars history, read with getStarTransactions over HTTP).
 */
final class HarnessShop {

    private final Api api;
    private final InitDataSigner signer;
    private final String botToken;

    HarnessShop(Api api, String botToken) {
        this.api = api;
        this.signer = InitDataSigner.forToken(botToken);
        this.botToken = botToken;
    }

    Api api() {
        return api;
    }

    /** A digital product with unlimited stock priced in Stars (and 2.50 USD). */
    String product(long stars) {
        return ShopFixture.product("harness").title("Harness item").description("Something to break things with.")
                .price("XTR", stars).price("USD", 250).create(api);
    }

    /** The {@code tma} Authorization value of a buyer. */
    String buyer(long userId) {
        return signer.header(userId, "user" + userId, "en");
    }

    Api.Reply placeOrder(String buyer, String sku) {
        return api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", sku, "quantity", 1)))).header("Authorization", buyer));
    }

    Map<String, Object> order(String buyer, Object orderId) {
        return api.send(HttpRequest.GET("/api/orders/" + orderId).header("Authorization", buyer)).json();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> orders(String buyer) {
        return (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/orders?limit=100")
                .header("Authorization", buyer)).json().get("orders");
    }

    Api.Reply issueInvoice(String buyer, Object orderId) {
        return api.send(HttpRequest.POST("/api/orders/" + orderId + "/invoice", "").header("Authorization", buyer));
    }

    Map<String, Object> awaitStatus(String buyer, Object orderId, String status) {
        return Eventually.value(() -> Optional.of(order(buyer, orderId)).filter(o -> status.equals(o.get("status"))));
    }

    Api.Reply refund(Object orderId) {
        return api.admin(HttpRequest.POST("/api/admin/orders/" + orderId + "/refund", Map.of()));
    }

    /** The ledger transactions of an order, oldest first, by kind (PAYMENT, REFUND). */
    List<Object> ledgerKinds(Object orderId) {
        return api.admin(HttpRequest.GET("/api/admin/ledger/transactions?orderId=" + orderId)).list().stream()
                .map(t -> t.get("kind")).toList();
    }

    /** Outgoing entries for this charge in Telegram's own Stars history: how often it really refunded. */
    long telegramRefundsOf(String chargeId) {
        long refunds = 0;
        for (int offset = 0; ; offset += 100) {
            List<Map<String, Object>> page = starTransactions(offset);
            refunds += page.stream().filter(t -> chargeId.equals(t.get("id")) && t.containsKey("receiver")).count();
            if (page.size() < 100) {
                return refunds;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> starTransactions(int offset) {
        Api.Reply reply = api.send(HttpRequest.POST("/sandbox/bot" + botToken + "/getStarTransactions",
                Map.of("offset", offset, "limit", 100)));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        Map<String, Object> result = (Map<String, Object>) reply.json().get("result");
        return (List<Map<String, Object>>) result.get("transactions");
    }

    /** Sets a per-method fault through the emulator's control API, as an operator of the sandbox would. */
    void fault(String knob, Map<String, Object> body) {
        Api.Reply reply = api.send(HttpRequest.POST("/sandbox/api/faults/" + knob, body));
        assertEquals(204, reply.status(), () -> knob + ": " + reply.body());
    }
}
