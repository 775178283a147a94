package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The other side of a Stars transaction. Telegram has seven partner types (user, chat,
 * affiliate_program, fragment, telegram_ads, telegram_api, other); one flat record keeps the
 * fields a shop reconciles on (user payments) and reads the rest as just a {@code type}, so a
 * new partner type Telegram adds tomorrow still parses.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TransactionPartner(
        String type,
        @Nullable String transactionType,
        @Nullable User user,
        @Nullable String invoicePayload,
        @Nullable Integer subscriptionPeriod) {

    public static final String USER = "user";

    public boolean isUser() {
        return USER.equals(type);
    }
}
