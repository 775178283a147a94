package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The other side of a Stars transaction. Telegram has seven partner types (user, chat,
 * affiliate_program, fragment, telegram_ads, telegram_api, other); one flat record holds the
 * fields of all of them, each nullable, so a partner type Telegram adds tomorrow (or one missing a
 * field) still parses and the adapter ({@code telegram.payments.StarHistoryDecoder}) decides what
 * it is. Field names follow Bot API 10.1.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TransactionPartner(
        @Nullable String type,
        @Nullable String transactionType,
        @Nullable User user,
        @Nullable String invoicePayload,
        @Nullable Integer subscriptionPeriod,
        @Nullable AffiliateInfo affiliate,
        @Nullable String paidMediaPayload,
        @Nullable GiftRef gift,
        @Nullable Integer premiumSubscriptionDuration,
        @Nullable Chat chat,
        @Nullable User sponsorUser,
        @Nullable Integer commissionPerMille,
        @Nullable RevenueWithdrawalState withdrawalState,
        @Nullable Integer requestCount) {

    public static final String USER = "user";

    /** A user partner with only the fields of an invoice payment (tests and older callers). */
    public TransactionPartner(String type, @Nullable String transactionType, @Nullable User user,
                              @Nullable String invoicePayload, @Nullable Integer subscriptionPeriod) {
        this(type, transactionType, user, invoicePayload, subscriptionPeriod, null, null, null, null, null, null,
                null, null, null);
    }

    public boolean isUser() {
        return USER.equals(type);
    }
}
