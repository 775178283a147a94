package dev.starshop.telegram.initdata;

import io.micronaut.core.annotation.Nullable;

/** The {@code user} object of initData (Telegram's WebAppUser), after verification. */
public record TelegramUser(long id,
                           String firstName,
                           @Nullable String lastName,
                           @Nullable String username,
                           @Nullable String languageCode,
                           boolean premium,
                           @Nullable String photoUrl,
                           boolean allowsWriteToPm) {
}
