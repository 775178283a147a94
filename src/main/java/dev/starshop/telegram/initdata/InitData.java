package dev.starshop.telegram.initdata;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * initData whose signature has been checked. Only build it through {@link InitDataVerifier}.
 *
 * @param fields every decoded field, including ones this record does not model ({@code chat},
 *               {@code receiver}, {@code can_send_after} …), for callers that need them
 * @param proof  which signature made it trustworthy
 */
public record InitData(@Nullable TelegramUser user,
                       Instant authDate,
                       @Nullable String queryId,
                       @Nullable String chatType,
                       @Nullable String chatInstance,
                       @Nullable String startParam,
                       Proof proof,
                       Map<String, String> fields) {

    /** The signature that verified: our bot token's HMAC, or Telegram's Ed25519 key. */
    public enum Proof { HMAC_SHA256, ED25519 }

    public InitData {
        fields = Map.copyOf(fields);
    }
}
