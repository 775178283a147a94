package dev.starshop.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.starshop.support.EngineProcess;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.StandalonePostgres;
import dev.starshop.support.TelegramUpdates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} between the payment's commit and the delivery: the engine jar runs with a bot
 * token against a Telegram played by this test (an HTTP server that outlives the engine), which
 * refuses every delivery with 429 while the first engine runs. Payments commit, deliveries stay
 * undelivered, the engine is killed; a second engine on the same database delivers every unit,
 * and Telegram accepted exactly one message per unit, each with its own code.
 */
class DeliveryCrashIT {

    private static final String TOKEN = "7000000042:crash-test-token";
    private static final Pattern CODE = Pattern.compile("CRASH-[0-9a-f]{8}-\\d+");

    @TempDir
    Path dataDir;

    @Test
    void killedAfterThePaymentsCommittedEachUnitIsDeliveredExactlyOnceAfterRestart() throws Exception {
        FakeTelegram telegram = new FakeTelegram();
        try (StandalonePostgres database = StandalonePostgres.startDurable(dataDir)) {
            Map<String, String> environment = new HashMap<>(database.engineEnvironment());
            environment.putAll(EngineProcess.UNLIMITED_BUYERS);
            environment.put("MICRONAUT_SERVER_PORT", Integer.toString(EngineProcess.freePort()));
            environment.put("STARSHOP_TELEGRAM_BOT_TOKEN", TOKEN);
            environment.put("STARSHOP_TELEGRAM_API_URL", telegram.url());
            environment.put("STARSHOP_TELEGRAM_CLIENT_RETRY_AFTER_CAP", "1s");
            environment.put("STARSHOP_FULFILMENT_DELIVERY_INTERVAL", "300ms");
            environment.put("STARSHOP_FULFILMENT_DELIVERY_INITIAL_BACKOFF", "1s");
            environment.put("STARSHOP_FULFILMENT_DELIVERY_LEASE", "5s");
            environment.put("STARSHOP_RECONCILIATION_ENABLED", "false");
            EngineProcess.Launch launch = EngineProcess.Launch.named("delivery-crash-before")
                    .withEnvironment(environment);
            EngineProcess before = EngineProcess.start(launch);
            EngineProcess after = null;
            try {
                before.awaitHealthy(Duration.ofSeconds(90));
                Shop shop = new Shop(before.baseUrl());
                String sku = shop.codesProduct(12);
                List<String> orders = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    orders.add(shop.order(950_001 + i, sku, i == 0 ? 3 : 1));
                }
                for (int i = 0; i < orders.size(); i++) {
                    shop.pay(950_001 + i, orders.get(i), i == 0 ? 90 : 30);
                }
                awaitUntil(() -> telegram.refusedDeliveries.get() >= 3);

                before.kill();
                telegram.accepting.set(true);
                after = EngineProcess.start(new EngineProcess.Launch("delivery-crash-after", launch.javaHome(),
                        launch.environment(), launch.jvmOptions()));
                after.awaitHealthy(Duration.ofSeconds(90));

                Books books = new Books(database::connect);
                awaitUntil(() -> books.count("SELECT count(*) FROM orders WHERE status = 'FULFILLED'") == 5);
                List<String> delivered = telegram.acceptedCodes();
                assertEquals(7, delivered.size(), "one accepted message per unit: " + delivered);
                assertEquals(7, delivered.stream().distinct().count(), "each unit its own code: " + delivered);
                assertEquals(7, books.count("SELECT count(*) FROM deliveries WHERE status = 'SENT'"));
                System.out.printf("DeliveryCrashIT: %d deliveries refused before the kill, %d accepted after%n",
                        telegram.refusedDeliveries.get(), delivered.size());
            } finally {
                before.close();
                if (after != null) {
                    after.close();
                }
                telegram.close();
            }
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not seen within 90 s");
            Thread.sleep(200);
        }
    }

    /** The engine's admin and buyer API, and Telegram's webhook, over plain HTTP. */
    private static final class Shop {

        private final URI base;
        private final HttpClient http = HttpClient.newHttpClient();
        private final InitDataSigner signer = InitDataSigner.forToken(TOKEN);

        Shop(URI base) {
            this.base = base;
        }

        String codesProduct(int codes) throws Exception {
            String sku = "crash-" + UUID.randomUUID().toString().substring(0, 8);
            post("/api/admin/products", "application/json", "{\"sku\":\"" + sku + "\",\"title\":\"Crash key\","
                    + "\"description\":\"A key\",\"kind\":\"DIGITAL\",\"prices\":[{\"currency\":\"XTR\",\"amount\":30}],"
                    + "\"delivery\":{\"kind\":\"CODES\",\"text\":\"Key: {code}\"}}", admin(), 201);
            String pool = IntStream.range(0, codes).mapToObj(i -> "CRASH-" + sku.substring(6) + "-" + i)
                    .collect(Collectors.joining("\n"));
            post("/api/admin/products/" + sku + "/codes", "text/plain", pool, admin(), 200);
            return sku;
        }

        String order(long buyer, String sku, int quantity) throws Exception {
            String body = post("/api/orders", "application/json", "{\"currency\":\"XTR\",\"items\":[{\"sku\":\""
                    + sku + "\",\"quantity\":" + quantity + "}]}",
                    Map.of("Authorization", signer.header(buyer, "crash" + buyer, "en")), 201);
            Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
            assertTrue(id.find(), body);
            return id.group(1);
        }

        void pay(long buyer, String orderId, long stars) throws Exception {
            String update = TelegramUpdates.successfulPayment().updateId(System.nanoTime() / 1000)
                    .buyer(buyer, "Crash").total(stars).payload(orderId).charge("stx-crash-" + UUID.randomUUID())
                    .json();
            post("/telegram/webhook", "application/json", update,
                    Map.of("X-Telegram-Bot-Api-Secret-Token", EngineProcess.WEBHOOK_SECRET), 200);
        }

        private static Map<String, String> admin() {
            return Map.of("Authorization", "Bearer " + EngineProcess.ADMIN_TOKEN);
        }

        private String post(String path, String type, String body, Map<String, String> headers, int expected)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, response.statusCode(), path + ": " + response.body());
            return response.body();
        }
    }

    /**
     * Telegram for the engine: every method succeeds, except that a delivery (a sendMessage whose
     * text holds a code) is refused with 429 until {@link #accepting} is set. Receipts are accepted.
     */
    private static final class FakeTelegram implements AutoCloseable {

        final AtomicBoolean accepting = new AtomicBoolean();
        final AtomicInteger refusedDeliveries = new AtomicInteger();
        private final List<String> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger messageIds = new AtomicInteger();
        private final HttpServer server;

        FakeTelegram() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> acceptedCodes() {
            return accepted.stream().map(CODE::matcher).filter(Matcher::find).map(Matcher::group).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String method = exchange.getRequestURI().getPath().replaceAll(".*/", "");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (method) {
                case "getUpdates" -> {
                    pause();
                    answer(exchange, 200, "{\"ok\":true,\"result\":[]}");
                }
                case "createInvoiceLink" -> answer(exchange, 200, "{\"ok\":true,\"result\":\"https://t.me/$crash"
                        + messageIds.incrementAndGet() + "\"}");
                case "getWebhookInfo" -> answer(exchange, 200, "{\"ok\":true,\"result\":{\"url\":\"\","
                        + "\"has_custom_certificate\":false,\"pending_update_count\":0}}");
                case "sendMessage" -> sendMessage(exchange, body);
                default -> answer(exchange, 200, "{\"ok\":true,\"result\":true}");
            }
        }

        private void sendMessage(HttpExchange exchange, String body) throws IOException {
            boolean delivery = CODE.matcher(body).find();
            if (delivery && !accepting.get()) {
                refusedDeliveries.incrementAndGet();
                answer(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: "
                        + "retry after 2\",\"parameters\":{\"retry_after\":2}}");
                return;
            }
            if (delivery) {
                accepted.add(body);
            }
            answer(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + messageIds.incrementAndGet()
                    + ",\"date\":0,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"ok\"}}");
        }

        private static void pause() {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
