package dev.starshop.checkout;

import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A shop, a sandbox buyer and Telegram, for checkout tests that go through the whole loop. */
final class CheckoutFixture {

    static final long ALICE = 100001;

    private final Api api;
    private final InitDataSigner signer;
    private final SandboxTelegram telegram;

    CheckoutFixture(Api api, InitDataSigner signer, SandboxTelegram telegram) {
        this.api = api;
        this.signer = signer;
        this.telegram = telegram;
    }

    /** The engine registers its webhook before its menu button: once the button shows, updates flow. */
    void waitForBot() {
        eventually(() -> Optional.ofNullable(telegram.botSettings().get("menuButton")));
    }

    String product(String kind, Integer stock, long stars, long usdCents) {
        return ShopFixture.product("checkout").title("Checkout " + kind.toLowerCase()).kind(kind).stock(stock)
                .price("XTR", stars).price("USD", usdCents).create(api);
    }

    String buyer(long userId, String language) {
        return signer.header(userId, "user" + userId, language);
    }

    Map<String, Object> order(String buyer, String currency, String sku, int quantity) {
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", currency,
                "items", List.of(Map.of("sku", sku, "quantity", quantity)))).header("Authorization", buyer));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json();
    }

    Map<String, Object> orderNow(String buyer, Object orderId) {
        return api.send(HttpRequest.GET("/api/orders/" + orderId).header("Authorization", buyer)).json();
    }

    void cancel(String buyer, Object orderId) {
        assertEquals(200, api.send(HttpRequest.POST("/api/orders/" + orderId + "/cancel", "")
                .header("Authorization", buyer)).status());
    }

    /** Polls the order until Telegram's update has been recorded (the Mini App does the same). */
    Map<String, Object> awaitStatus(String buyer, Object orderId, String status) {
        return eventually(() -> Optional.of(orderNow(buyer, orderId)).filter(o -> status.equals(o.get("status"))));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ledgerFor(Object orderId) {
        return api.admin(HttpRequest.GET("/api/admin/ledger/transactions?orderId=" + orderId)).list();
    }

    Api.Reply refund(Object orderId, String reference) {
        Map<String, Object> body = reference == null ? Map.of() : Map.of("reference", reference);
        return api.admin(HttpRequest.POST("/api/admin/orders/" + orderId + "/refund", body));
    }

    static <T> T eventually(Supplier<Optional<T>> probe) {
        return Eventually.value(probe);
    }
}
