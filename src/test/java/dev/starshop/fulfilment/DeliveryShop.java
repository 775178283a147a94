package dev.starshop.fulfilment;

import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.Multipart;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shop selling digital goods, its buyers and their chats, for delivery tests through the emulator. */
final class DeliveryShop {

    static final long ALICE = 100001;

    private final Api api;
    private final InitDataSigner signer;
    private final SandboxTelegram telegram;
    private final String baseUrl;

    DeliveryShop(Api api, InitDataSigner signer, SandboxTelegram telegram, String baseUrl) {
        this.api = api;
        this.signer = signer;
        this.telegram = telegram;
        this.baseUrl = baseUrl;
    }

    /** A CODES product whose pool holds {@code count} fresh codes ({@code <sku>-CODE-<i>}). */
    String codesProduct(int count, String text) {
        String sku = ShopFixture.product("codes").title("Game key").delivery("CODES", text, false)
                .price("XTR", 30).create(api);
        String codes = IntStream.range(0, count).mapToObj(i -> sku + "-CODE-" + i).collect(Collectors.joining("\n"));
        Api.Reply added = api.admin(HttpRequest.POST("/api/admin/products/" + sku + "/codes", codes)
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        assertEquals(200, added.status(), () -> String.valueOf(added.body()));
        return sku;
    }

    String textProduct(String text) {
        return ShopFixture.product("text").title("Course").delivery("TEXT", text, true).price("XTR", 20).create(api);
    }

    /** A FILE product, with its PDF uploaded unless {@code pdf} is null. */
    String fileProduct(byte[] pdf) throws Exception {
        String sku = ShopFixture.product("file").title("E-book").delivery("FILE", "Your copy, {buyerName}", true)
                .price("XTR", 40).create(api);
        if (pdf != null) {
            uploadFile(sku, pdf);
        }
        return sku;
    }

    void uploadFile(String sku, byte[] pdf) throws Exception {
        var stored = new Multipart().file("file", sku + ".pdf", "application/pdf", pdf)
                .post(URI.create(baseUrl + "/api/admin/products/" + sku + "/file"),
                        Map.of("Authorization", "Bearer " + Api.ADMIN_TOKEN));
        assertEquals(201, stored.statusCode(), stored.body());
    }

    String buyer(long userId) {
        return signer.header(userId, "user" + userId, "en");
    }

    Api.Reply placeOrder(String buyer, String sku, int quantity) {
        return api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", sku, "quantity", quantity)))).header("Authorization", buyer));
    }

    /** Places and pays an order of one line per SKU, one unit each; returns its id. */
    String buyOneOfEach(long userId, List<String> skus) {
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", skus.stream().map(sku -> Map.of("sku", sku, "quantity", 1)).toList()))
                .header("Authorization", buyer(userId)));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        pay(userId, placed.json());
        return (String) placed.json().get("id");
    }

    /** Places and pays an order; returns its id. */
    String buy(long userId, String sku, int quantity) {
        Api.Reply placed = placeOrder(buyer(userId), sku, quantity);
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        pay(userId, placed.json());
        return (String) placed.json().get("id");
    }

    void pay(long userId, Map<String, Object> order) {
        var outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(userId));
        assertTrue(outcome.isPaid(), outcome.toString());
    }

    Map<String, Object> adminOrder(Object orderId) {
        return api.admin(HttpRequest.GET("/api/admin/orders/" + orderId)).json();
    }

    Map<String, Object> awaitStatus(Object orderId, String status) {
        return Eventually.value(() -> Optional.of(adminOrder(orderId)).filter(o -> status.equals(o.get("status"))));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> deliveries(Map<String, Object> adminOrder) {
        return (List<Map<String, Object>>) adminOrder.get("deliveries");
    }

    /** The texts the bot sent to the chat that mention {@code fragment}. */
    List<String> textsMentioning(long chatId, String fragment) {
        return telegram.messages(chatId).stream().map(m -> m.get("text")).filter(Objects::nonNull).map(String::valueOf)
                .filter(text -> text.contains(fragment)).toList();
    }

    /** Documents the bot sent to the chat under this file name. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> documentsNamed(long chatId, String fileName) {
        return telegram.messages(chatId).stream().map(m -> (Map<String, Object>) m.get("document"))
                .filter(Objects::nonNull).filter(d -> fileName.equals(d.get("file_name"))).toList();
    }

    Api.Reply retry(Object orderId) {
        return api.admin(HttpRequest.POST("/api/admin/orders/" + orderId + "/deliveries/retry", ""));
    }
}
