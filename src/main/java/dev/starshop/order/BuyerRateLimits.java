package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.RetryLaterException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * How often one buyer may write: placing orders, and asking for an invoice link or reporting how the
 * invoice closed. Keyed by the verified Telegram user id (never by anything the client merely
 * claims), so nobody can spend another buyer's tokens. In memory per engine: with several engines
 * behind a load balancer each allows the configured rate; the unpaid-order limit, which lives in
 * the database, is what bounds a buyer across engines.
 */
@Singleton
class BuyerRateLimits {

    private final RateLimitSettings settings;
    private final TokenBuckets orders;
    private final TokenBuckets invoiceCalls;
    private final Counter ordersRefused;
    private final Counter invoiceCallsRefused;

    BuyerRateLimits(RateLimitSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.orders = new TokenBuckets(settings.ordersPerMinute(), settings.ordersBurst(), settings.maxBuyers(),
                System::nanoTime);
        this.invoiceCalls = new TokenBuckets(settings.invoiceCallsPerMinute(), settings.invoiceCallsBurst(),
                settings.maxBuyers(), System::nanoTime);
        this.ordersRefused = refusals(meters, "order");
        this.invoiceCallsRefused = refusals(meters, "invoice");
        Gauge.builder("starshop.orders.rate.limit.buckets", this, limits -> limits.orders.size()
                + limits.invoiceCalls.size()).description("Per-buyer token buckets held in memory").register(meters);
    }

    /** Before {@code POST /api/orders}; throws 429 {@code rate-limited} with Retry-After. */
    void placeOrder(Buyer buyer) {
        check(orders, buyer, ordersRefused, "orders", settings.ordersPerMinute());
    }

    /** Before {@code POST /api/orders/{id}/invoice} and {@code /invoice-closed}. */
    void invoiceCall(Buyer buyer) {
        check(invoiceCalls, buyer, invoiceCallsRefused, "invoice requests", settings.invoiceCallsPerMinute());
    }

    private void check(TokenBuckets buckets, Buyer buyer, Counter refused, String what, int perMinute) {
        if (!settings.enabled()) {
            return;
        }
        Optional<Duration> wait = buckets.take(buyer.telegramUserId());
        if (wait.isPresent()) {
            refused.increment();
            throw new RetryLaterException(ProblemCode.RATE_LIMITED, "Too many " + what + " in a short time (at most "
                    + perMinute + " a minute); try again in " + RetryLaterException.wholeSeconds(wait.get()) + " s",
                    wait.get());
        }
    }

    private static Counter refusals(MeterRegistry meters, String action) {
        return Counter.builder("starshop.orders.rate.limited").tag("action", action)
                .description("Buyer requests refused 429 rate-limited").register(meters);
    }
}
