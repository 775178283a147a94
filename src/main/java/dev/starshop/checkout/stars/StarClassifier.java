package dev.starshop.checkout.stars;

import java.util.Set;

/**
 * Decides the {@link StarKind} of a Stars movement from its direction, partner type and, for users,
 * {@code transaction_type}. Pure: the same movement and payment ids always give the same kind, and
 * nothing is guessed: whatever Bot API 10.1 does not describe is {@link StarKind#UNKNOWN}.
 */
public final class StarClassifier {

    private StarClassifier() {
    }

    /**
     * @param paymentIds ids of the incoming user payments in the same history: an outgoing entry to a
     *                   partner other than a user that repeats one is Telegram taking it back
     */
    public static StarKind classify(StarMovement movement, Set<String> paymentIds) {
        boolean in = movement.incoming();
        StarPartner partner = movement.partner();
        if (partner instanceof StarPartner.User user) {
            return user(user.transactionType(), in);
        }
        if (partner instanceof StarPartner.Chat chat) {
            return !in && chat.giftId() != null ? StarKind.CHAT_GIFT : StarKind.CHAT_OTHER;
        }
        if (partner instanceof StarPartner.AffiliateProgram) {
            return in ? StarKind.AFFILIATE_INCOME : StarKind.UNKNOWN;
        }
        if (partner instanceof StarPartner.Fragment fragment) {
            return in ? StarKind.WITHDRAWAL_RETURN : withdrawal(fragment.state());
        }
        if (partner instanceof StarPartner.TelegramAds) {
            return chargebackOr(movement, paymentIds, in ? StarKind.UNKNOWN : StarKind.ADS_TOP_UP);
        }
        if (partner instanceof StarPartner.TelegramApi) {
            return in ? StarKind.UNKNOWN : StarKind.API_FEE;
        }
        if (partner instanceof StarPartner.Other) {
            return chargebackOr(movement, paymentIds, StarKind.OTHER);
        }
        return StarKind.UNKNOWN; // StarPartner.Unreadable
    }

    private static StarKind user(String transactionType, boolean in) {
        return switch (transactionType) {
            case "invoice_payment" -> in ? StarKind.INVOICE_PAYMENT : StarKind.INVOICE_REFUND;
            case "paid_media_payment" -> in ? StarKind.PAID_MEDIA_SALE : StarKind.PAID_MEDIA_REFUND;
            case "gift_purchase" -> in ? StarKind.UNKNOWN : StarKind.GIFT_PURCHASE;
            case "premium_purchase" -> in ? StarKind.UNKNOWN : StarKind.PREMIUM_PURCHASE;
            case "business_account_transfer" -> StarKind.BUSINESS_TRANSFER;
            default -> StarKind.UNKNOWN;
        };
    }

    private static StarKind withdrawal(StarPartner.WithdrawalState state) {
        if (state instanceof StarPartner.WithdrawalState.Succeeded) {
            return StarKind.WITHDRAWAL_SUCCEEDED;
        }
        if (state instanceof StarPartner.WithdrawalState.Failed) {
            return StarKind.WITHDRAWAL_FAILED;
        }
        return StarKind.WITHDRAWAL_PENDING; // pending, or no state (see docs/treasury.md)
    }

    private static StarKind chargebackOr(StarMovement movement, Set<String> paymentIds, StarKind otherwise) {
        return !movement.incoming() && paymentIds.contains(movement.id()) ? StarKind.CHARGEBACK : otherwise;
    }
}
