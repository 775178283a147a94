package dev.starshop.buyer;

import io.micronaut.core.annotation.Nullable;

/**
 * The authenticated shopper as the domain sees it. Controllers declare a {@code Buyer buyer}
 * parameter and receive one only when the request carried verified Telegram initData; the
 * Telegram adapter builds it, so domain code never imports Telegram types.
 *
 * @param telegramUserId the stable Telegram user id; use it as the owner key of orders
 * @param startParam     the {@code start_param} of the verified initData (the link the Mini App was
 *                       opened with), unparsed; null when there was none or the buyer is not from initData
 */
public record Buyer(long telegramUserId,
                    String firstName,
                    @Nullable String lastName,
                    @Nullable String username,
                    @Nullable String languageCode,
                    boolean premium,
                    @Nullable String startParam) {

    /** A buyer known from a message or a payment, not from a Mini App launch. */
    public Buyer(long telegramUserId, String firstName, @Nullable String lastName, @Nullable String username,
                 @Nullable String languageCode, boolean premium) {
        this(telegramUserId, firstName, lastName, username, languageCode, premium, null);
    }
}
