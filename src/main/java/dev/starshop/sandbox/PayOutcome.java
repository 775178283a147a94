package dev.starshop.sandbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How a payment attempt ended, as the invoice sheet would report it.
 *
 * @param status "paid", "failed" or "cancelled" (the Mini App's invoiceClosed statuses)
 */
@Serdeable
public record PayOutcome(String status, @Nullable String reason, @Nullable String telegramPaymentChargeId,
                         @Nullable Long totalAmount) {

    static PayOutcome paid(Charge charge) {
        return new PayOutcome("paid", null, charge.telegramChargeId(), charge.totalAmount());
    }

    static PayOutcome failed(String reason) {
        return new PayOutcome("failed", reason, null, null);
    }

    static PayOutcome cancelled() {
        return new PayOutcome("cancelled", "closed by the user", null, null);
    }

    public boolean isPaid() {
        return "paid".equals(status);
    }
}
