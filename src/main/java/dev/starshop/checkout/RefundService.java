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
import java.util.Optional;
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
        if (charge.total().currency().isStars()) {
            refundStars(charge);
        } else if (reference == null || reference.isBlank()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "Card payments are refunded at the provider: "
                    + "refund " + charge.providerChargeId() + " there, then send its refund reference here");
        }
        return transactions.executeWrite(status -> {
            ReportedRefund reported = ReportedRefund.byOperator(charge.chargeId(), charge.total(), reference,
                    clock.instant(), charge.buyerId());
            Optional<PaymentRecord> recorded = refunds.record(reported);
            if (recorded.isPresent() && reported.receiptChatId() != null) {
                receipts.refunded(reported.receiptChatId(), reported.languageCode(), recorded.get());
            }
            // Telegram's refunded_payment update may have been recorded first: same refund, already on file.
            return recorded.or(() -> payments.find(charge.chargeId(), PaymentKind.REFUND))
                    .orElseThrow(() -> alreadyRefunded(orderId));
        });
    }

    /** The oldest charge on the order not yet refunded (an order can be paid twice by mistake). */
    private PaymentRecord refundableCharge(UUID orderId) {
        List<PaymentRecord> records = transactions.executeRead(status -> payments.forOrder(orderId));
        if (records.stream().noneMatch(PaymentRecord::isCharge)) {
            throw new ProblemException(ProblemCode.INVALID_STATE, "Order " + orderId + " has no payment to refund");
        }
        return PaymentFacts.oldestUnrefunded(records).orElseThrow(() -> alreadyRefunded(orderId));
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
