package dev.starshop.checkout.stars;

import dev.starshop.buyer.Buyer;
import dev.starshop.money.StarQuantity;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** The other side of a Stars movement: one record per Telegram {@code TransactionPartner*} type. */
public sealed interface StarPartner {

    /**
     * {@code TransactionPartnerUser}.
     *
     * @param transactionType Telegram's {@code transaction_type} as sent ("invoice_payment", …)
     * @param affiliate       the commission an affiliate took out of this payment, if any
     * @param giftId          the gift the bot sent ({@code gift_purchase})
     * @param premiumMonths   {@code premium_subscription_duration} ({@code premium_purchase})
     */
    record User(String transactionType, Buyer buyer, @Nullable String invoicePayload,
                @Nullable Integer subscriptionPeriodSeconds, @Nullable String paidMediaPayload,
                @Nullable AffiliateShare affiliate, @Nullable String giftId, @Nullable Integer premiumMonths)
            implements StarPartner {
    }

    /** {@code TransactionPartnerChat}: a channel's subscriptions, or a gift the bot sent to a chat. */
    record Chat(long chatId, @Nullable String giftId) implements StarPartner {
    }

    /** {@code TransactionPartnerAffiliateProgram}: commission we earned as a sponsor's affiliate. */
    record AffiliateProgram(@Nullable Long sponsorBotId, int commissionPerMille) implements StarPartner {
    }

    /** {@code TransactionPartnerFragment}: a withdrawal (outgoing, with its state) or a failed one's return. */
    record Fragment(@Nullable WithdrawalState state) implements StarPartner {
    }

    /** {@code TransactionPartnerTelegramAds}: Stars moved to the Telegram Ads platform. */
    record TelegramAds() implements StarPartner {
    }

    /** {@code TransactionPartnerTelegramApi}: paid broadcasting, {@code request_count} billed requests. */
    record TelegramApi(int requestCount) implements StarPartner {
    }

    /** {@code TransactionPartnerOther}: Telegram's "unknown source or recipient". */
    record Other() implements StarPartner {
    }

    /**
     * What the adapter could not read: a partner type newer than Bot API 10.1, or an entry missing a
     * field its type requires. Never booked; always a finding.
     */
    record Unreadable(String type, String reason) implements StarPartner {
    }

    /**
     * {@code AffiliateInfo}: who took a commission out of the payment, and how much.
     *
     * @param stars the commission; negative on a refund (Telegram: "can be negative for refunds")
     */
    record AffiliateShare(@Nullable Long affiliateUserId, @Nullable Long affiliateChatId, int commissionPerMille,
                          StarQuantity stars) {
    }

    /** {@code RevenueWithdrawalState*}. */
    sealed interface WithdrawalState {
        record Pending() implements WithdrawalState {
        }

        record Succeeded(Instant at, String url) implements WithdrawalState {
        }

        record Failed() implements WithdrawalState {
        }
    }
}
