package dev.starshop.checkout;

import java.time.Instant;
import java.util.UUID;

/** A Stars subscription: who, which first order and charge, until when, and whether cancelled. */
record Subscription(UUID id, long buyerId, UUID firstOrderId, String firstChargeId, String currency, long amount,
                    Instant expiresAt, boolean cancelled) {
}
