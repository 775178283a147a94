package dev.starshop.order;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Per-buyer token buckets in front of the order writes (see docs/security.md, "Per-buyer limits").
 *
 * @param enabled               off: no request is ever refused as {@code rate-limited}
 * @param ordersPerMinute       steady rate of {@code POST /api/orders} per buyer
 * @param ordersBurst           orders a buyer may place at once before the steady rate applies
 * @param invoiceCallsPerMinute steady rate of {@code POST /api/orders/{id}/invoice} and
 *                              {@code /invoice-closed} together, per buyer
 * @param invoiceCallsBurst     such calls at once before the steady rate applies
 * @param maxBuyers             buyers whose buckets are remembered; the least recently seen are
 *                              forgotten beyond it (and start again with a full bucket)
 */
@ConfigurationProperties("starshop.orders.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "10") int ordersPerMinute,
        @Bindable(defaultValue = "5") int ordersBurst,
        @Bindable(defaultValue = "30") int invoiceCallsPerMinute,
        @Bindable(defaultValue = "10") int invoiceCallsBurst,
        @Bindable(defaultValue = "100000") int maxBuyers) {

    public RateLimitSettings {
        atLeast("orders-per-minute", ordersPerMinute, 1);
        atLeast("orders-burst", ordersBurst, 1);
        atLeast("invoice-calls-per-minute", invoiceCallsPerMinute, 1);
        atLeast("invoice-calls-burst", invoiceCallsBurst, 1);
        atLeast("max-buyers", maxBuyers, TokenBuckets.STRIPES);
    }

    private static void atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("starshop.orders.rate-limit." + key + " must be at least " + minimum
                    + ", not " + value);
        }
    }
}
