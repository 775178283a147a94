package dev.starshop.bench;

import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.StandalonePostgres;
import dev.starshop.telegram.BotCredentials;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 7, benchmark 2: pre_checkout_query updates posted to the webhook at a fixed rate, timed
 * to the moment the emulator receives answerPreCheckoutQuery for that query, from the webhook's
 * arrival in the engine (issue 7's definition) and from the client's send. Paired
 * in the same run with two baselines on the same engine and HTTP stack: a Bot API round trip
 * (getMyStarBalance, which the emulator answers from memory) and a webhook update that needs no answer (stored, committed, 200). See docs/performance.md.
 */
@Tag("bench")
class PreCheckoutLatencyBench {

    private static final int RATE = Integer.getInteger("bench.precheckout.rate", 200);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("bench.precheckout.seconds", 20));
    /** Long enough for the JIT to have compiled the path before anything is measured. */
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.precheckout.warmup-seconds", 15));
    private static final double TARGET_P99_MS = 20;

    private final AtomicLong updateIds = new AtomicLong(3_000_000_000L);
    private final AtomicLong orderCursor = new AtomicLong();

    @TempDir
    Path temp;

    @Test
    void answerPreCheckoutQueriesAtAFixedRate() throws Exception {
        BenchReport report = new BenchReport("pre-checkout-latency");
        try (StandalonePostgres postgres = StandalonePostgres.startDurable(temp.resolve("pgdata"))) {
            List<UUID> orders;
            try (BenchEngine engine = BenchEngine.start(postgres, Map.of(WebhookArrivals.ENABLED, true))) {
                orders = PayableOrders.create(postgres, "pc", PayableOrders.sequence(4_000));
                measureByBotApi(engine, orders, WARMUP);
                Latencies botApi = OpenLoop.run(RATE, DURATION, k -> botApiCall(engine));
                Latencies noAnswer = OpenLoop.run(RATE, DURATION, k -> webhook(engine, editedMessage()));
                Timed viaBotApi = measureByBotApi(engine, orders, DURATION);
                report.row(row("Bot API round trip, getMyStarBalance (baseline)", botApi, null));
                report.row(row("webhook, no answer (baseline)", noAnswer, null));
                report.row(row("pre-checkout, answer by Bot API call, from send", viaBotApi.fromSend(), noAnswer));
                report.row(row("pre-checkout, answer by Bot API call, from webhook arrival", viaBotApi.fromArrival(),
                        noAnswer));
            }
            try (BenchEngine engine = BenchEngine.start(postgres,
                    Map.of("starshop.telegram.answer-queries-inline", true, WebhookArrivals.ENABLED, true))) {
                measureInline(engine, orders, WARMUP);
                Latencies noAnswer = OpenLoop.run(RATE, DURATION, k -> webhook(engine, editedMessage()));
                Timed inline = measureInline(engine, orders, DURATION);
                report.row(row("webhook, no answer (baseline, inline engine)", noAnswer, null));
                report.row(row("pre-checkout, answer inline in webhook response, from send", inline.fromSend(),
                        noAnswer));
                report.row(row("pre-checkout, answer inline in webhook response, from webhook arrival",
                        inline.fromArrival(), noAnswer));
            }
        }
        report.note("rate", RATE + "/s open loop for " + DURATION.toSeconds() + " s per row, after "
                        + WARMUP.toSeconds() + " s of the same load")
                .note("from send", "the client's send to the emulator receiving the answer")
                .note("from webhook arrival", "the request reaching the engine's HTTP filters (issue 7's start)"
                        + " to the emulator receiving the answer")
                .note("durability", "fsync=on, synchronous_commit=on")
                .note("target", "pre-checkout p99 <= " + TARGET_P99_MS + " ms from webhook arrival")
                .publish();
    }

    /** The two clocks of one row: from the client's send, and from the webhook's arrival. */
    private record Timed(Latencies fromSend, Latencies fromArrival) {
    }

    /** Pre-checkout queries the emulator opened, answered by the engine's Bot API call. */
    private Timed measureByBotApi(BenchEngine engine, List<UUID> orders, Duration duration) throws Exception {
        SandboxTelegram telegram = engine.bean(SandboxTelegram.class);
        WebhookArrivals arrivals = engine.bean(WebhookArrivals.class);
        Latencies fromArrival = new Latencies();
        Latencies fromSend = OpenLoop.run(RATE, duration, k -> {
            SandboxTelegram.OpenQuery query = telegram.openPreCheckoutQuery();
            CompletableFuture<Long> answeredAt = query.answered().thenApply(ok -> System.nanoTime());
            HttpRequest request = webhookRequest(engine, preCheckout(orders.get(next(orders)), query.id()), query.id());
            return new OpenLoop.Exchange() {
                public HttpRequest request() {
                    return request;
                }

                public CompletableFuture<Long> done(CompletableFuture<HttpResponse<String>> response) {
                    return OpenLoop.whenAnswered(response).thenCombine(answeredAt, (responded, answered) -> {
                        fromArrival.record(answered - arrivals.arrivedAt(query.id()));
                        return answered;
                    });
                }
            };
        });
        return new Timed(fromSend, fromArrival);
    }

    /** Pre-checkout queries answered in the webhook response: the answer arrives with the response. */
    private Timed measureInline(BenchEngine engine, List<UUID> orders, Duration duration) throws Exception {
        WebhookArrivals arrivals = engine.bean(WebhookArrivals.class);
        Latencies fromArrival = new Latencies();
        Latencies fromSend = OpenLoop.run(RATE, duration, k -> {
            String queryId = "i" + updateIds.get() + "-" + k;
            HttpRequest request = webhookRequest(engine, preCheckout(orders.get(next(orders)), queryId), queryId);
            return new OpenLoop.Exchange() {
                public HttpRequest request() {
                    return request;
                }

                public CompletableFuture<Long> done(CompletableFuture<HttpResponse<String>> response) {
                    return response.thenApply(answer -> {
                        long answered = System.nanoTime();
                        if (answer.statusCode() != 200 || !answer.body().contains("answerPreCheckoutQuery")) {
                            throw new IllegalStateException("No inline answer: " + answer.statusCode() + " "
                                    + answer.body());
                        }
                        fromArrival.record(answered - arrivals.arrivedAt(queryId));
                        return answered;
                    });
                }
            };
        });
        return new Timed(fromSend, fromArrival);
    }

    /** Each query its own order, round the list: no two queries wait on one order's lock. */
    private int next(List<UUID> orders) {
        return (int) (orderCursor.getAndIncrement() % orders.size());
    }

    private static Map<String, Object> row(String what, Latencies latencies, Latencies baseline) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measured", what);
        row.put("count", latencies.count());
        row.put("p50 ms", latencies.percentileMillis(0.50));
        row.put("p99 ms", latencies.percentileMillis(0.99));
        row.put("p99 / baseline p99", baseline == null ? "" : latencies.percentileMillis(0.99)
                / baseline.percentileMillis(0.99));
        row.put("p99 <= 20 ms", baseline == null ? "" : latencies.percentileMillis(0.99) <= TARGET_P99_MS);
        return row;
    }

    private OpenLoop.Exchange webhook(BenchEngine engine, String body) {
        return plain(webhookRequest(engine, body, null));
    }

    private static OpenLoop.Exchange botApiCall(BenchEngine engine) {
        URI url = engine.baseUrl().resolve("/sandbox/bot" + engine.bean(BotCredentials.class).token() + "/getMyStarBalance");
        return plain(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static OpenLoop.Exchange plain(HttpRequest request) {
        return new OpenLoop.Exchange() {
            public HttpRequest request() {
                return request;
            }

            public CompletableFuture<Long> done(CompletableFuture<HttpResponse<String>> response) {
                return OpenLoop.whenAnswered(response);
            }
        };
    }

    private static HttpRequest webhookRequest(BenchEngine engine, String body, String benchId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(engine.webhook()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", BenchEngine.WEBHOOK_SECRET);
        if (benchId != null) {
            request.header(WebhookArrivals.HEADER, benchId);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String preCheckout(UUID orderId, String queryId) {
        return """
                {"update_id":%d,"pre_checkout_query":{"id":"%s",\
                "from":{"id":%d,"is_bot":false,"first_name":"Buyer","language_code":"en"},\
                "currency":"XTR","total_amount":%d,"invoice_payload":"%s"}}"""
                .formatted(updateIds.incrementAndGet(), queryId, PayableOrders.BUYER, PayableOrders.PRICE_STARS,
                        orderId);
    }

    /** An update the engine stores and acknowledges without any effect: the floor of a durable webhook. */
    private String editedMessage() {
        long id = updateIds.incrementAndGet();
        return """
                {"update_id":%d,"edited_message":{"message_id":%d,"date":1763800000,"edit_date":1763800001,\
                "from":{"id":%d,"is_bot":false,"first_name":"Buyer"},"chat":{"id":%d,"type":"private"},\
                "text":"edited"}}""".formatted(id, id % 1_000_000 + 1, PayableOrders.BUYER, PayableOrders.BUYER);
    }
}
