package dev.starshop.checkout;

import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** {@code POST /api/admin/orders/{id}/refund}; admin authentication comes from the /api/admin filter. */
@Controller("/api/admin/orders")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class RefundAdminController {

    private final RefundService refunds;

    RefundAdminController(RefundService refunds) {
        this.refunds = refunds;
    }

    @Post("/{id}/refund")
    RefundView refund(UUID id, @Nullable @Body RefundRequest request) {
        PaymentRecord refund = refunds.refund(id, request == null ? null : request.reference());
        return new RefundView(id, refund.chargeId(), refund.total().currency().code(), refund.total().amount(),
                refund.reference());
    }

    /** @param reference the provider's refund id, required for card payments */
    @Serdeable
    record RefundRequest(@Nullable @Size(max = 255) String reference) {
    }

    @Serdeable
    record RefundView(UUID orderId, String telegramPaymentChargeId, String currency, long amount,
                      @Nullable String reference) {
    }
}
