package dev.starshop.sandbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A Telegram user living in the sandbox, with their Stars wallet. */
@Serdeable
public record SandboxUser(long id, String firstName, @Nullable String username, String languageCode,
                          long starBalance) {

    SandboxUser withBalance(long balance) {
        return new SandboxUser(id, firstName, username, languageCode, balance);
    }

    /** Telegram's User object. */
    java.util.Map<String, Object> toTelegram() {
        return Json.obj("id", id, "is_bot", false, "first_name", firstName, "username", username,
                "language_code", languageCode);
    }

    /** The private chat between this user and the bot has the user's id, as in Telegram. */
    java.util.Map<String, Object> privateChat() {
        return Json.obj("id", id, "type", "private", "first_name", firstName, "username", username);
    }
}
