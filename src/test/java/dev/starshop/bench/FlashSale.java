package dev.starshop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Buyers arriving for one product in an open loop: buyer k sends {@code POST /api/orders} (one unit,
 * their own initData, a fresh Idempotency-Key) at {@code k × window / buyers} after the start,
 * whatever the engine is doing, as phones do when a sale opens. Each answer is sorted: 201 with an
 * invoice link (got an order), 409 {@code out-of-stock} (sold out), or anything else (unexpected).
 * Latency counts from the moment the buyer was due, so a queue in front of the engine is measured.
 */
final class FlashSale {

    static final String SOLD_OUT_CODE = "out-of-stock";
    /**
     * How long a buyer waits for an answer. Long on purpose: a buyer who gave up could still have
     * been given an order, and the counts below must be exact; slowness shows in the latencies.
     */
    private static final Duration ANSWER_LIMIT = Duration.ofMinutes(5);
    private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern INVOICE_LINK = Pattern.compile("\"invoiceLink\"\\s*:\\s*\"(https?://[^\"]+)\"");
    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z-]+)\"");

    /** One order a buyer got: its id, its invoice link, who placed it. */
    record Placed(UUID orderId, String invoiceLink, long buyerId) {

        /** The slug the sandbox pays by: what follows {@code $} in {@code https://t.me/$<slug>}. */
        String invoiceSlug() {
            return invoiceLink.substring(invoiceLink.lastIndexOf('$') + 1);
        }
    }

    /** What the sale produced; times are System.nanoTime(). */
    record Result(List<Placed> placed, Latencies ordered, Latencies soldOut, List<String> unexpected,
                  long firstDueNanos, long lastOrderAnsweredNanos, long lastAnswerNanos) {

        /** Orders per second from the first arrival to the last 201. */
        double ordersPerSecond() {
            return placed.size() / ((lastOrderAnsweredNanos - firstDueNanos) / 1e9);
        }

        /** Answers of any kind per second from the first arrival to the last answer. */
        double answersPerSecond() {
            return (ordered.count() + soldOut.count() + unexpected.size()) / ((lastAnswerNanos - firstDueNanos) / 1e9);
        }
    }

    private FlashSale() {
    }

    static Result run(URI base, String sku, SandboxBuyers buyers, Duration window) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(60)).build();
        String body = "{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"currency\":\"XTR\"}";
        Latencies ordered = new Latencies();
        Latencies soldOut = new Latencies();
        ConcurrentLinkedQueue<Placed> placed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicLong lastOrder = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        long periodNanos = window.toNanos() / buyers.size();
        List<CompletableFuture<?>> all = new ArrayList<>(buyers.size());
        long start = System.nanoTime();
        for (int k = 0; k < buyers.size(); k++) {
            long due = start + k * periodNanos;
            LockSupport.parkNanos(due - System.nanoTime());
            SandboxBuyers.Buyer buyer = buyers.get(k);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/orders"))
                    .timeout(ANSWER_LIMIT)
                    .header("Authorization", "tma " + buyer.initData())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                long at = System.nanoTime();
                lastAnswer.accumulateAndGet(at, Math::max);
                if (failure != null) {
                    unexpected.add(buyer.userId() + ": " + failure);
                } else if (response.statusCode() == 201 && INVOICE_LINK.matcher(response.body()).find()) {
                    ordered.record(at - due);
                    lastOrder.accumulateAndGet(at, Math::max);
                    placed.add(placedFrom(response.body(), buyer.userId()));
                } else if (response.statusCode() == 409 && SOLD_OUT_CODE.equals(problemCode(response.body()))) {
                    soldOut.record(at - due);
                } else {
                    unexpected.add(buyer.userId() + ": " + response.statusCode() + " " + response.body());
                }
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(ANSWER_LIMIT.toMinutes() + 1, TimeUnit.MINUTES);
        return new Result(List.copyOf(placed), ordered, soldOut, List.copyOf(unexpected), start, lastOrder.get(),
                lastAnswer.get());
    }

    private static Placed placedFrom(String body, long buyerId) {
        Matcher id = ORDER_ID.matcher(body);
        Matcher link = INVOICE_LINK.matcher(body);
        if (!id.find() || !link.find()) {
            throw new IllegalStateException("A 201 without an order id or invoice link: " + body);
        }
        return new Placed(UUID.fromString(id.group(1)), link.group(1), buyerId);
    }

    private static String problemCode(String body) {
        Matcher code = PROBLEM_CODE.matcher(body);
        return code.find() ? code.group(1) : null;
    }
}
