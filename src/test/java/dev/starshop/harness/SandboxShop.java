package dev.starshop.harness;

import dev.starshop.support.ShopFixture;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sets up a shop on a running engine in sandbox mode the way its users would, over plain HTTP:
 * the operator adds a product, sandbox buyers open the Mini App (signed initData from the sandbox
 * host) and place Stars orders. Works for an engine in this JVM and for one in another process.
 */
final class SandboxShop {

    static final long PRICE_STARS = 25;
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private final URI base;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxShop(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    /** A digital product with unlimited stock, priced {@link #PRICE_STARS} Stars; returns its SKU. */
    String product() {
        ShopFixture.Product product = ShopFixture.product("harness").title("Harness ticket")
                .description("One payment.").price("XTR", PRICE_STARS);
        expect(201, send(post("/api/admin/products", product.body()).header("Authorization", "Bearer " + adminToken)));
        return product.sku();
    }

    /** Sandbox users {@code first .. first + count - 1} with plenty of Stars. */
    List<Long> buyers(long first, int count) {
        List<Long> ids = new ArrayList<>();
        for (long id = first; id < first + count; id++) {
            expect(201, send(post("/sandbox/api/users", Map.of("id", id, "firstName", "Buyer " + id,
                    "username", "buyer" + id, "languageCode", "en", "starBalance", 1_000_000))));
            ids.add(id);
        }
        return ids;
    }

    /** {@code count} orders of one unit of {@code sku}, spread over the buyers, placed four at a time. */
    List<PayableOrder> orders(String sku, List<Long> buyers, int count) throws Exception {
        List<String> authorizations = buyers.stream().map(this::authorization).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PayableOrder>> placed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int buyer = i % buyers.size();
                placed.add(pool.submit(() -> order(sku, buyers.get(buyer), authorizations.get(buyer))));
            }
            List<PayableOrder> orders = new ArrayList<>();
            for (Future<PayableOrder> order : placed) {
                orders.add(order.get());
            }
            return orders;
        } finally {
            pool.shutdownNow();
        }
    }

    private PayableOrder order(String sku, long buyer, String authorization) {
        HttpResponse<String> reply = send(post("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", sku, "quantity", 1)))).header("Authorization", authorization));
        Map<String, Object> order = json(expect(201, reply));
        return new PayableOrder(UUID.fromString((String) order.get("id")), buyer, (String) order.get("currency"),
                ((Number) order.get("totalAmount")).longValue(), (String) order.get("invoiceLink"));
    }

    /** Pays the order's invoice with Stars as the sandbox host's sheet does; fails unless it is paid. */
    void pay(PayableOrder order) {
        String slug = order.invoiceLink().substring(order.invoiceLink().lastIndexOf('$') + 1);
        Map<String, Object> outcome = json(expect(200, send(post("/sandbox/api/invoices/" + slug + "/pay",
                Map.of("userId", order.buyer(), "method", "stars")))));
        if (!"paid".equals(outcome.get("status"))) {
            throw new AssertionError("order " + order.id() + " was not paid: " + outcome);
        }
    }

    /** What the emulator holds and its bounds ({@code GET /sandbox/api/stats}). */
    Map<String, Object> stats() {
        return json(expect(200, send(HttpRequest.newBuilder(base.resolve("/sandbox/api/stats")))));
    }

    /** What the Mini App sends: {@code tma <initData>} signed by Telegram (here the sandbox host). */
    private String authorization(long buyer) {
        HttpResponse<String> launch = send(HttpRequest.newBuilder(base.resolve("/sandbox/api/host/launch?userId=" + buyer)));
        return "tma " + json(expect(200, launch)).get("initData");
    }

    private HttpRequest.Builder post(String path, Object body) {
        try {
            return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(int status, HttpResponse<String> reply) {
        if (reply.statusCode() != status) {
            throw new AssertionError(reply.request().method() + " " + reply.uri() + " answered " + reply.statusCode()
                    + " (expected " + status + "): " + reply.body());
        }
        return reply.body();
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
