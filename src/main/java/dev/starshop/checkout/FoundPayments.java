package dev.starshop.checkout;

import dev.starshop.telegram.botapi.SuccessfulPayment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Rebuilds the successful_payment a lost update would have carried from an entry of Telegram's Stars
 * history, so a payment found by reconciliation is recorded like one that arrived. The history has
 * a subscription's period but not its expiry: a subscription payment expires at its date plus the
 * period, and it renews a subscription when its invoice payload names the first order of one that
 * another charge started (otherwise it is the first payment and starts one).
 */
@Singleton
class FoundPayments {

    private final SubscriptionRepository subscriptions;

    FoundPayments(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    SuccessfulPayment asUpdate(String chargeId, long amount, @Nullable String payload,
                               @Nullable Integer subscriptionPeriodSeconds, Instant occurredAt) {
        String invoicePayload = payload == null ? "" : payload;
        if (subscriptionPeriodSeconds == null) {
            return new SuccessfulPayment("XTR", amount, invoicePayload, null, null, null, null, null, chargeId, null);
        }
        long expires = occurredAt.getEpochSecond() + subscriptionPeriodSeconds;
        boolean renewal = renewsAnotherCharge(invoicePayload, chargeId);
        return new SuccessfulPayment("XTR", amount, invoicePayload, expires, true, !renewal, null, null, chargeId,
                null);
    }

    private boolean renewsAnotherCharge(String payload, String chargeId) {
        return InvoicePayload.orderId(payload).flatMap(subscriptions::byFirstOrder)
                .filter(s -> !s.firstChargeId().equals(chargeId)).isPresent();
    }
}
