package dev.starshop.checkout;

import java.util.Optional;

/**
 * The natural keys checkout writes under, in one place: the ledger's external keys (one
 * transaction per charge and event) and the bot outbox's dedupe keys (one message to the buyer
 * per charge and event). Changing one changes what counts as "already done".
 */
final class PaymentKeys {

    private static final String REFUND_RECEIPT = "refund:";

    private PaymentKeys() {
    }

    static String ledgerPayment(String chargeId) {
        return "payment:" + chargeId;
    }

    static String ledgerRefund(String chargeId) {
        return "refund:" + chargeId;
    }

    static String ledgerChargeback(String chargeId) {
        return "chargeback:" + chargeId;
    }

    /** The buyer's receipt for a payment or renewal. */
    static String receipt(PaymentKind kind, String chargeId) {
        return "receipt:" + kind + ":" + chargeId;
    }

    static String refundReceipt(String chargeId) {
        return REFUND_RECEIPT + chargeId;
    }

    /** The message a row's buyer was sent, if any: chargebacks send nothing. */
    static Optional<String> messageFor(PaymentRecord record) {
        return switch (record.kind()) {
            case PAYMENT, RENEWAL -> Optional.of(receipt(record.kind(), record.chargeId()));
            case REFUND -> Optional.of(refundReceipt(record.chargeId()));
            case CHARGEBACK -> Optional.empty();
        };
    }

    static boolean isRefundReceipt(String dedupeKey) {
        return dedupeKey.startsWith(REFUND_RECEIPT);
    }
}
