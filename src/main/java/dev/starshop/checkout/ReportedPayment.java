package dev.starshop.checkout;

import dev.starshop.buyer.Buyer;
import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * Money a buyer paid, as checkout hears of it: from a Telegram update (built by the Telegram
 * adapter) or from Telegram's Stars history (built by {@link FoundPayments} for reconciliation).
 * Checkout records it exactly once per {@code chargeId}.
 *
 * @param chargeId              Telegram's payment charge id: the idempotency key, and the key for refunds
 * @param providerChargeId      the card provider's charge id; null or empty for Stars
 * @param orderRef              the invoice payload, which names the order when this engine issued the invoice
 * @param shippingOptionId      the shipping option the buyer chose (flexible card invoices)
 * @param orderInfoJson         what the buyer typed in the invoice sheet, as JSON, kept with the payment
 * @param subscriptionExpiresAt set for a Stars subscription's payment: when the paid period ends
 * @param renewal               the payment renews a subscription another charge started
 */
public record ReportedPayment(String chargeId, @Nullable String providerChargeId, Money total, String orderRef,
                              Buyer buyer, Instant occurredAt, PaymentSource source,
                              @Nullable String shippingOptionId, @Nullable String orderInfoJson,
                              @Nullable Instant subscriptionExpiresAt, boolean renewal) {

    public ReportedPayment {
        if (chargeId == null || chargeId.isBlank() || !total.isPositive()) {
            throw new IllegalArgumentException("A payment has a charge id and a total of at least one minor unit");
        }
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
    }
}
