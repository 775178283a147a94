package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Routes a Bot API call to its method, applies the 429 and 500 knobs and logs the outcome. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class BotApiDispatcher {

    /** The methods Telegram executes when a webhook answer body carries them (a subset here). */
    private static final Set<String> WEBHOOK_ANSWER_METHODS =
            Set.of("answerprecheckoutquery", "answershippingquery", "sendmessage");

    private final Map<String, BotMethod> methods = new HashMap<>();
    private final FaultKnobs faults;
    private final CallLog log;
    private final JsonMapper json;
    private final Clock clock;

    BotApiDispatcher(List<BotMethods> groups, FaultKnobs faults, CallLog log, JsonMapper json, Clock clock) {
        Map<String, BotMethod> named = new HashMap<>();
        groups.forEach(group -> group.register(named));
        // Telegram matches method names case-insensitively.
        named.forEach((name, method) -> methods.put(name.toLowerCase(Locale.ROOT), method));
        this.faults = faults;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    Params params(Map<String, Object> values) {
        return new Params(values, json);
    }

    /** The method's result, or a {@link BotApiError} carrying Telegram's envelope. */
    Object call(String name, Map<String, Object> values, String via) {
        try {
            BotMethod method = methods.get(name.toLowerCase(Locale.ROOT));
            if (method == null) {
                throw BotApiError.notFound();
            }
            Integer retryAfter = faults.takeRateLimit(name);
            if (retryAfter != null) {
                throw BotApiError.tooManyRequests(retryAfter);
            }
            if (faults.takeServerError(name)) {
                throw BotApiError.internalServerError();
            }
            Object result = method.call(params(values));
            log.add(new CallLog.Call(name, clock.instant().toString(), 200, "ok", via));
            return result;
        } catch (BotApiError e) {
            log.add(new CallLog.Call(name, clock.instant().toString(), e.status(), e.description(), via));
            throw e;
        }
    }

    /** Webhook answers such as {"method":"answerPreCheckoutQuery",...} are executed, errors ignored. */
    void invokeFromWebhookAnswer(String body) {
        Map<String, Object> values;
        try {
            values = json.readValue(body.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return;
        }
        Object method = values == null ? null : values.get("method");
        if (method instanceof String name && WEBHOOK_ANSWER_METHODS.contains(name.toLowerCase(Locale.ROOT))) {
            call(name, values, "webhook-answer");
        }
    }
}
