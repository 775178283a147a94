package dev.starshop.checkout;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.BotApiException;
import dev.starshop.telegram.botapi.RefundStarPayment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Refunds an order's payment on the operator's request. Stars go back through refundStarPayment
 * first, and the refund is recorded only once Telegram confirmed it (a repeat answering
 * CHARGE_ALREADY_REFUNDED is that confirmation). Card money is refunded at the provider by the
 * operator; the engine records it with the provider's reference.
 */
@Singleton
class RefundService {

    private final PaymentRepository payments;
    private final RefundRecorder refunds;
    private final Receipts receipts;
    private final BotApiClient telegram;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    RefundService(PaymentRepository payments, RefundRecorder refunds, Receipts receipts, BotApiClient telegram,
                  TransactionOperations<Connection> transactions, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.receipts = receipts;
        this.telegram = telegram;
        this.transactions = transactions;
        this.clock = clock;
    }

    PaymentRecord refund(UUID orderId, @Nullable String reference) {
        PaymentRecord charge = refundableCharge(orderId);
        if (charge.currency().equals("XTR")) {
            refundStars(charge);
        } else if (reference == null || reference.isBlank()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "Card payments are refunded at the provider: "
                    + "refund " + charge.providerChargeId() + " there, then send its refund reference here");
        }
        return transactions.executeWrite(status -> {
            PaymentRecord refund = refunds.record(charge.chargeId(), charge.totalAmount(), charge.currency(),
                    "OPERATOR", reference, clock.instant()).orElseThrow(() -> alreadyRefunded(orderId));
            if (charge.buyerId() != null) {
                receipts.refunded(charge.buyerId(), null, refund);
            }
            return refund;
        });
    }

    private PaymentRecord refundableCharge(UUID orderId) {
        List<PaymentRecord> records = transactions.executeRead(status -> payments.forOrder(orderId));
        PaymentRecord charge = records.stream()
                .filter(p -> p.kind() == PaymentKind.PAYMENT || p.kind() == PaymentKind.RENEWAL)
                .findFirst()
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_STATE,
                        "Order " + orderId + " has no payment to refund"));
        if (records.stream().anyMatch(p -> p.kind() == PaymentKind.REFUND && p.chargeId().equals(charge.chargeId()))) {
            throw alreadyRefunded(orderId);
        }
        return charge;
    }

    private void refundStars(PaymentRecord charge) {
        try {
            telegram.refundStarPayment(new RefundStarPayment(charge.buyerId(), charge.chargeId()));
        } catch (BotApiException e) {
            if (!e.isChargeAlreadyRefunded()) {
                throw e;
            }
        }
    }

    private static ProblemException alreadyRefunded(UUID orderId) {
        return new ProblemException(ProblemCode.INVALID_STATE, "Order " + orderId + " was already refunded");
    }
}
