package dev.starshop.buyer;

import io.micronaut.core.annotation.Nullable;

/** The authenticated shopper, as the domain sees them (no Telegram types). */
public record Buyer(long telegramUserId, @Nullable String firstName, @Nullable String lastName,
                    @Nullable String username, @Nullable String languageCode, boolean premium) {
}
