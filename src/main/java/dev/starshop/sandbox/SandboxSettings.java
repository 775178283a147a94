package dev.starshop.sandbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Timing of the emulated Telegram. Defaults are Telegram's own limits; tests shorten them so a
 * retry or an expiry takes milliseconds instead of minutes.
 *
 * @param preCheckoutTimeout how long a payment waits for answerPreCheckoutQuery (Telegram: 10 s)
 * @param shippingTimeout    how long a payment waits for answerShippingQuery
 * @param retryBase          delay of the second webhook retry; later ones double (the first is immediate)
 * @param retryCap           longest delay between webhook retries
 * @param queryUpdateTtl     lifetime of undelivered pre_checkout_query / shipping_query updates
 * @param updateTtl          lifetime of every other undelivered update
 * @param webhookTimeout     how long one webhook POST may take before it counts as failed
 * @param seedUsers          create Alice, Bob and Li on startup and after a reset
 * @param invoiceMaxAge      an unpaid invoice link is forgotten this long after it was created
 * @param maxInvoices        most unpaid invoice links kept; the oldest is forgotten first
 * @param recentUpdates      delivered, expired or dropped updates kept for the activity view
 * @param callLogSize        Bot API calls kept in the call log
 * @param chatHistorySize    messages kept per chat
 * @param starHistorySize    Stars transactions (and charges, subscriptions) kept; getStarTransactions
 *                           cannot page beyond them
 */
@ConfigurationProperties("starshop.sandbox")
@Requires(missingProperty = "starshop.telegram.bot-token")
public record SandboxSettings(
        @Bindable(defaultValue = "10s") Duration preCheckoutTimeout,
        @Bindable(defaultValue = "10s") Duration shippingTimeout,
        @Bindable(defaultValue = "1s") Duration retryBase,
        @Bindable(defaultValue = "60s") Duration retryCap,
        @Bindable(defaultValue = "150s") Duration queryUpdateTtl,
        @Bindable(defaultValue = "24h") Duration updateTtl,
        @Bindable(defaultValue = "60s") Duration webhookTimeout,
        @Bindable(defaultValue = "true") boolean seedUsers,
        @Bindable(defaultValue = "24h") Duration invoiceMaxAge,
        @Bindable(defaultValue = "20000") int maxInvoices,
        @Bindable(defaultValue = "1000") int recentUpdates,
        @Bindable(defaultValue = "2000") int callLogSize,
        @Bindable(defaultValue = "500") int chatHistorySize,
        @Bindable(defaultValue = "100000") int starHistorySize) {
}
