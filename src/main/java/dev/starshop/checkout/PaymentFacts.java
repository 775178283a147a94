package dev.starshop.checkout;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What other domains may ask checkout about an order's money without knowing its rules: whether
 * it can be refunded and how, and under which outbox keys its buyer was messaged. Runs in the
 * caller's transaction.
 */
@Singleton
public class PaymentFacts {

    private final PaymentRepository payments;

    PaymentFacts(PaymentRepository payments) {
        this.payments = payments;
    }

    /**
     * What the refund endpoint would do now: refund the oldest charge not yet refunded; a card
     * charge needs the provider's refund reference.
     */
    public Refundability refundability(UUID orderId) {
        return oldestUnrefunded(payments.forOrder(orderId))
                .map(charge -> new Refundability(true, !charge.total().currency().isStars()))
                .orElse(new Refundability(false, false));
    }

    /** The bot outbox keys of the messages the order's buyer was sent about its money, one per charge and event. */
    public List<String> buyerMessageKeys(UUID orderId) {
        return payments.forOrder(orderId).stream().map(PaymentKeys::messageFor).flatMap(Optional::stream).toList();
    }

    /** Whether an outbox key is a refund's message (otherwise a payment's receipt). */
    public static boolean isRefundMessage(String dedupeKey) {
        return PaymentKeys.isRefundReceipt(dedupeKey);
    }

    /** The refund rule, shared with {@link RefundService}: oldest charge first (an order can be paid twice). */
    static Optional<PaymentRecord> oldestUnrefunded(List<PaymentRecord> records) {
        Set<String> refunded = records.stream().filter(p -> p.kind() == PaymentKind.REFUND)
                .map(PaymentRecord::chargeId).collect(Collectors.toSet());
        return records.stream().filter(PaymentRecord::isCharge)
                .filter(charge -> !refunded.contains(charge.chargeId())).findFirst();
    }

    /** @param needsReference a card charge: the operator refunds at the provider and sends its reference */
    public record Refundability(boolean possible, boolean needsReference) {
    }
}
