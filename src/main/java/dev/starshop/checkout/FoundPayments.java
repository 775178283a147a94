package dev.starshop.checkout;

import dev.starshop.buyer.Buyer;
import dev.starshop.money.CurrencyTable;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Turns an incoming entry of Telegram's Stars history into the {@link ReportedPayment} a lost update
 * would have carried, so a payment found by reconciliation is recorded like one that arrived. The
 * history has a subscription's period but not its expiry: a subscription payment expires at its
 * date plus the period, and it renews a subscription when its invoice payload names the first order
 * of one that another charge started (otherwise it is the first payment and starts one).
 */
@Singleton
class FoundPayments {

    private final SubscriptionRepository subscriptions;
    private final CurrencyTable currencies;

    FoundPayments(SubscriptionRepository subscriptions, CurrencyTable currencies) {
        this.subscriptions = subscriptions;
        this.currencies = currencies;
    }

    ReportedPayment asReported(String chargeId, long amount, Buyer buyer, @Nullable String payload,
                               @Nullable Integer subscriptionPeriodSeconds, Instant occurredAt) {
        String invoicePayload = payload == null ? "" : payload;
        Instant expires = subscriptionPeriodSeconds == null ? null : occurredAt.plusSeconds(subscriptionPeriodSeconds);
        boolean renewal = expires != null && renewsAnotherCharge(invoicePayload, chargeId);
        return new ReportedPayment(chargeId, null, currencies.money(amount, "XTR"), invoicePayload, buyer, occurredAt,
                PaymentSource.RECONCILIATION, null, null, expires, renewal);
    }

    private boolean renewsAnotherCharge(String payload, String chargeId) {
        return InvoicePayload.orderId(payload).flatMap(subscriptions::byFirstOrder)
                .filter(s -> !s.firstChargeId().equals(chargeId)).isPresent();
    }
}
