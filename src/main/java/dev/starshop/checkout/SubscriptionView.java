package dev.starshop.checkout;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription for the API. {@code status}: ACTIVE (renews), CANCELLED (runs to {@code expiresAt}
 * and stops), EXPIRED (past its paid period).
 */
@Serdeable
record SubscriptionView(UUID id, long buyerId, UUID firstOrderId, String currency, long amount, Instant expiresAt,
                        String status) {

    static SubscriptionView of(Subscription s, Instant now) {
        String status = s.expiresAt().isBefore(now) ? "EXPIRED" : s.cancelled() ? "CANCELLED" : "ACTIVE";
        return new SubscriptionView(s.id(), s.buyerId(), s.firstOrderId(), s.currency(), s.amount(), s.expiresAt(),
                status);
    }
}
