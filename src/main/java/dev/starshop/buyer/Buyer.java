package dev.starshop.buyer;

import io.micronaut.core.annotation.Nullable;

/**
 * The authenticated shopper as the domain sees it. Controllers declare a {@code Buyer buyer}
 * parameter and receive one only when the request carried verified Telegram initData; the
 * Telegram adapter builds it, so domain code never imports Telegram types.
 *
 * @param telegramUserId the stable Telegram user id; use it as the owner key of orders
 */
public record Buyer(long telegramUserId,
                    String firstName,
                    @Nullable String lastName,
                    @Nullable String username,
                    @Nullable String languageCode,
                    boolean premium) {
}
