package dev.starshop.bench;

import dev.starshop.support.EngineProcess;
import dev.starshop.support.StandalonePostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 5: a flash sale. {@code bench.flash.buyers} (5,000) buyers, each a sandbox user
 * with signed initData, arrive evenly within {@code bench.flash.seconds} (10) for one product with
 * {@code bench.flash.units} (100) units, one unit each, while the emulator answers every
 * {@code createInvoiceLink} {@code bench.flash.invoice-latency-ms} (100 ms) late. The engine jar
 * runs per engine JDK ({@link EngineJdk}) with its production per-buyer limits and pool (16),
 * on a durable PostgreSQL of the benchmark's own.
 *
 * <p>Fails unless exactly {@code units} buyers got an order with an invoice link and every other
 * one a 409 {@code out-of-stock}; unless the database holds exactly those orders and no stock is
 * left (nothing oversold); if the engine counted a createInvoiceLink call made while its thread
 * held a database connection ({@link InvoiceCalls}); and unless, after every order is paid through
 * the sandbox (pre-checkout and successful_payment over the webhook), each is PAID once with one
 * balanced ledger transaction and the revenue is {@code units × price}. Same-run baseline: the sold-out answers, which take the same
 * path (HTTP, initData, the idempotency and catalog reads) but neither write nor call Telegram.
 * While the sale runs, {@link ConnectionWatch} samples the pool and PostgreSQL's sessions; those
 * figures are reported, not asserted (a starved CPU also leaves transactions idle between statements).
 * See docs/performance.md.
 */
@Tag("bench")
class FlashSaleBench {

    /** {@code bench.flash.group-commit}: false places every order alone (the engine's default is true). */
    private static final String GROUP_COMMIT = System.getProperty("bench.flash.group-commit", "true");
    private static final int BUYERS = Integer.getInteger("bench.flash.buyers", 5_000);
    private static final int UNITS = Integer.getInteger("bench.flash.units", 100);
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.flash.seconds", 10));
    private static final int LATENCY_MS = Integer.getInteger("bench.flash.invoice-latency-ms", 100);
    private static final int WARMUP_BUYERS = Integer.getInteger("bench.flash.warmup-buyers", 500);
    private static final int POOL = 16;
    private static final long PRICE = 50;
    private static final long FIRST_BUYER = 810_000_001L;
    private static final long FIRST_WARMUP_BUYER = 820_000_001L;
    /** The emulator's limit for one held-answers knob; far above the invoice calls of one sale. */
    private static final int HELD_CALLS = 1_000;

    @Test
    void flashSale(@TempDir Path temp) throws Exception {
        BenchReport report = new BenchReport("flash-sale");
        report.note("buyers", BUYERS).note("units", UNITS).note("arrival window s", WINDOW.toSeconds())
                .note("createInvoiceLink latency ms", LATENCY_MS).note("engine pool", POOL)
                .note("order group commit", GROUP_COMMIT)
                .note("warm-up", WARMUP_BUYERS + " other buyers for " + UNITS + " units of another product, 0 ms latency");
        try (StandalonePostgres postgres = StandalonePostgres.startDurable(temp.resolve("pgdata"))) {
            run(postgres, report);
        } finally {
            report.publish();
        }
    }

    private void run(StandalonePostgres postgres, BenchReport report) throws Exception {
        for (EngineJdk jdk : EngineJdk.selected()) {
            String label = jdk.label().replace(' ', '-');
            EngineProcess.Launch launch = EngineProcess.Launch.named("flash-sale-" + label)
                    .withJavaHome(jdk.home())
                    .withEnvironment(postgres.engineEnvironment())
                    .withEnvironment(Map.of("DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", Integer.toString(POOL)))
                    .withEnvironment(Map.of("STARSHOP_ORDERS_GROUP_COMMIT_ENABLED", GROUP_COMMIT));
            try (EngineProcess engine = EngineProcess.start(launch)) {
                engine.awaitHealthy(Duration.ofMinutes(3));
                sale(jdk, engine, postgres, label, report);
            }
        }
    }

    private void sale(EngineJdk jdk, EngineProcess engine, StandalonePostgres postgres, String label,
                      BenchReport report) throws Exception {
        URI base = engine.baseUrl();
        String sku = "flash-" + label;
        FlashSale.Result warm = warmUp(base, "flash-warmup-" + label);
        report.note(jdk.label() + ": warm-up", warm.ordered().count() + " orders, " + warm.soldOut().count()
                + " sold out, " + warm.unexpected().size() + " other answers");
        createProduct(base, sku, UNITS);
        SandboxBuyers buyers = SandboxBuyers.create(base, FIRST_BUYER, BUYERS);
        holdInvoiceAnswers(base, LATENCY_MS);

        InvoiceCalls before = InvoiceCalls.read(base);
        FlashSale.Result sale;
        ConnectionWatch.Figures duringOrders;
        ConnectionWatch.Figures whole;
        try (ConnectionWatch watch = ConnectionWatch.start(base, EngineProcess.ADMIN_TOKEN, postgres)) {
            sale = FlashSale.run(base, sku, buyers, WINDOW);
            long lastOrder = sale.lastOrderAnsweredNanos();
            duringOrders = watch.figures(at -> at <= lastOrder);
            whole = watch.figures(at -> true);
        }
        InvoiceCalls invoiceCalls = InvoiceCalls.read(base).since(before);
        rows(jdk, sale).forEach(report::row);
        report.note(jdk.label() + ": createInvoiceLink calls during the sale (engine's count)", invoiceCalls.free()
                + " without a database connection held, " + invoiceCalls.holding() + " holding one");
        report.note(jdk.label() + ": pool and sessions while orders were placed (invoice calls in flight)",
                describe(duringOrders));
        report.note(jdk.label() + ": pool and sessions over the whole sale", describe(whole));
        report.note(jdk.label() + ": orders/s", sale.ordersPerSecond() + " (first arrival to last 201); "
                + "a connection held across each call would cap it at " + POOL + " / " + LATENCY_MS + " ms = "
                + (LATENCY_MS == 0 ? "-" : POOL * 1000 / LATENCY_MS + "/s") + "; answers/s " + sale.answersPerSecond());

        FlashSaleBooks books = new FlashSaleBooks(postgres, sku);
        List<UUID> placed = sale.placed().stream().map(FlashSale.Placed::orderId).toList();
        List<String> stock = books.soldExactly(UNITS, placed);
        report.note(jdk.label() + ": stock and orders in the database", stock.isEmpty()
                ? "exactly " + UNITS + " orders, one unit each, none left: nothing oversold" : stock);
        List<String> after = List.of("not checked: the orders were not as expected");
        if (stock.isEmpty() && sale.placed().size() == UNITS) {
            long paidAt = System.nanoTime();
            payAll(base, sale.placed());
            awaitPaid(books, placed);
            after = books.paidAndBooked(placed, PRICE);
            report.note(jdk.label() + ": paid through the sandbox and the webhook", placed.size() + " orders in "
                    + (System.nanoTime() - paidAt) / 1_000_000 + " ms; " + (after.isEmpty()
                    ? "all PAID once, each ledger transaction balanced, revenue " + UNITS * PRICE + " XTR" : after));
        }
        List<String> ledger = after;
        // Every check runs and is reported before any fails the run.
        assertAll(
                () -> assertEquals(0, sale.unexpected().size(), () -> "answers other than 201 with a link or 409 "
                        + "out-of-stock, e.g. " + sale.unexpected().subList(0, Math.min(5, sale.unexpected().size()))),
                () -> assertEquals(UNITS, sale.placed().size(), "buyers who got an order"),
                () -> assertEquals(BUYERS - UNITS, sale.soldOut().count(), "buyers told out-of-stock"),
                () -> assertEquals(List.of(), stock, "oversold or inconsistent"),
                () -> assertEquals(0, invoiceCalls.holding(), "createInvoiceLink calls made holding a connection"),
                () -> assertTrue(invoiceCalls.free() >= UNITS, "createInvoiceLink calls counted: " + invoiceCalls.free()),
                () -> assertEquals(List.of(), ledger, "payments or ledger"));
    }

    /** A smaller sale on another product with other buyers, answered at once: JIT and pools warm on both paths. */
    private static FlashSale.Result warmUp(URI base, String sku) throws Exception {
        createProduct(base, sku, UNITS);
        SandboxBuyers buyers = SandboxBuyers.create(base, FIRST_WARMUP_BUYER, WARMUP_BUYERS);
        return FlashSale.run(base, sku, buyers, Duration.ofSeconds(2));
    }

    private static void createProduct(URI base, String sku, int units) {
        new Http().expect(201, HttpRequest.newBuilder(base.resolve("/api/admin/products"))
                .header("Authorization", "Bearer " + EngineProcess.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"sku":"%s","title":"Flash sale item","description":"One hundred units, five thousand fans",
                         "kind":"DIGITAL","stock":%d,"prices":[{"currency":"XTR","amount":%d}]}"""
                        .formatted(sku, units, PRICE))).build(), 201);
    }

    /** The emulator's held-answers knob: each createInvoiceLink is executed, then answered this much later. */
    private static void holdInvoiceAnswers(URI base, int millis) {
        new Http().expect(204, HttpRequest.newBuilder(base.resolve("/sandbox/api/faults/held-answers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"method":"createInvoiceLink","calls":%d,"holdMillis":%d}""".formatted(HELD_CALLS, millis)))
                .build(), 200);
    }

    /** Each buyer pays their invoice in Stars through the sandbox: pre-checkout and payment reach the webhook. */
    private static void payAll(URI base, List<FlashSale.Placed> placed) throws Exception {
        ExecutorService payers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (FlashSale.Placed order : placed) {
                outcomes.add(payers.submit(() -> new Http().expect(200, HttpRequest.newBuilder(
                                base.resolve("/sandbox/api/invoices/" + order.invoiceSlug() + "/pay"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + order.buyerId()
                                + ",\"method\":\"stars\"}")).build(), 200)));
            }
            for (Future<String> outcome : outcomes) {
                String status = Http.jsonString(outcome.get(), "status");
                assertEquals("paid", status, "the sandbox's payment outcome");
            }
        } finally {
            payers.shutdown();
        }
    }

    /** The successful_payment updates are delivered after the sandbox answers; wait for them (at most a minute). */
    private static void awaitPaid(FlashSaleBooks books, List<UUID> placed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (books.paid(placed) < placed.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static List<Map<String, Object>> rows(EngineJdk jdk, FlashSale.Result sale) {
        double soldOutP50 = sale.soldOut().percentileMillis(0.50);
        return List.of(row(jdk, "got an order (201)", sale.ordered(), soldOutP50),
                row(jdk, "baseline: sold out (409)", sale.soldOut(), soldOutP50));
    }

    /** The ratio: p50 ÷ (sold-out p50 + injected latency); about 1 when the invoice call adds only its latency. */
    private static Map<String, Object> row(EngineJdk jdk, String outcome, Latencies latencies, double soldOutP50) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("engine", jdk.label());
        row.put("outcome", outcome);
        row.put("count", latencies.count());
        row.put("p50 ms", latencies.percentileMillis(0.50));
        row.put("p99 ms", latencies.percentileMillis(0.99));
        row.put("max ms", latencies.percentileMillis(1.0));
        row.put("p50 ÷ (sold-out p50 + latency)", latencies.percentileMillis(0.50) / (soldOutP50 + LATENCY_MS));
        return row;
    }

    private static String describe(ConnectionWatch.Figures f) {
        return "Hikari active max " + f.maxActive() + " of " + POOL + ", threads waiting for a connection max "
                + f.maxPending() + " (" + f.poolSamples() + " samples every " + ConnectionWatch.POOL_EVERY.toMillis()
                + " ms, " + f.missedScrapes() + " scrapes timed out); sessions running a statement max " + f.maxRunning() + "; idle in transaction seen in "
                + f.idleInTransactionSightings() + " of " + f.serverSamples() + " samples (every "
                + ConnectionWatch.SERVER_EVERY.toMillis() + " ms), longest " + String.format(java.util.Locale.ROOT,
                "%.1f", f.longestIdleInTransactionMillis()) + " ms, at most " + f.mostIdleWithWrites()
                + " at once holding row locks";
    }
}
