package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * savePreparedInlineMessage (Bot API 8.0): keeps the message for its user, as Telegram does, until
 * the Mini App shares it with shareMessage (the sandbox host shows it and asks where to send it).
 * Only {@code article} results are emulated, the kind a shop shares.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class SharingMethods implements BotMethods {

    /** How long Telegram keeps a prepared message; the docs do not say, observed clients show about a day. */
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final int MAX_KEPT = 1_000;

    private final SandboxUsers users;
    private final Clock clock;
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();

    SharingMethods(SandboxUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** A prepared message: who may send it, the result as the bot sent it, and until when. */
    record Prepared(String id, long userId, Map<String, Object> result, long expirationDate) {
    }

    @Override
    public void register(Map<String, BotMethod> registry) {
        registry.put("savePreparedInlineMessage", this::save);
    }

    Optional<Prepared> find(String id) {
        return Optional.ofNullable(prepared.get(id))
                .filter(message -> message.expirationDate() > clock.instant().getEpochSecond());
    }

    private Object save(Params p) {
        long userId = p.requiredLong("user_id");
        if (users.find(userId).isEmpty()) {
            throw BotApiError.badRequest("user not found");
        }
        Map<String, Object> result = p.object("result");
        if (result == null || !"article".equals(result.get("type"))) {
            throw BotApiError.badRequest("RESULT_TYPE_INVALID");
        }
        Object id = result.get("id");
        if (!(id instanceof String text) || text.isEmpty() || text.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw BotApiError.badRequest("RESULT_ID_INVALID");
        }
        Object content = result.get("input_message_content");
        if (!(content instanceof Map<?, ?> message) || !(message.get("message_text") instanceof String body)
                || body.isBlank() || body.length() > 4096 || !(result.get("title") instanceof String)) {
            throw BotApiError.badRequest("MESSAGE_EMPTY");
        }
        if (prepared.size() >= MAX_KEPT) {
            prepared.clear(); // the sandbox keeps a bounded number; Telegram would let old ones expire
        }
        String preparedId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        prepared.put(preparedId, new Prepared(preparedId, userId, result, expires));
        return Json.obj("id", preparedId, "expiration_date", expires);
    }
}
