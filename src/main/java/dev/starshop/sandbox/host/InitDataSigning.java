package dev.starshop.sandbox.host;

import dev.starshop.sandbox.SandboxUser;
import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.initdata.InitDataSignatures;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Produces the initData Telegram would hand a Mini App opened by a sandbox user: the same fields,
 * HMAC-signed with the bot token exactly as Telegram does, so the engine's verifier runs unchanged.
 * The token stays on the server; only the signed result leaves.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class InitDataSigning {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BotCredentials credentials;
    private final JsonMapper json;
    private final Clock clock;

    InitDataSigning(BotCredentials credentials, JsonMapper json) {
        this.credentials = credentials;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** URL-encoded initData ({@code query_id}, {@code user}, {@code auth_date}, {@code hash}, {@code start_param} if given). */
    String initData(SandboxUser user, @Nullable String startParam) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("query_id", queryId());
        if (startParam != null) {
            fields.put("start_param", startParam);
        }
        fields.put("user", userJson(user));
        fields.put("auth_date", Long.toString(clock.instant().getEpochSecond()));
        String dataCheckString = InitDataSignatures.dataCheckString(fields, Set.of());
        fields.put("hash", InitDataSignatures.hmacHex(credentials.token(), dataCheckString));
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Telegram's WebAppUser, keys in the order Telegram writes them. */
    private String userJson(SandboxUser user) {
        Map<String, Object> webAppUser = new LinkedHashMap<>();
        webAppUser.put("id", user.id());
        webAppUser.put("first_name", user.firstName());
        if (user.username() != null) {
            webAppUser.put("username", user.username());
        }
        webAppUser.put("language_code", user.languageCode());
        webAppUser.put("allows_write_to_pm", true);
        try {
            return json.writeValueAsString(webAppUser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Telegram's query ids are opaque base64url strings; only uniqueness matters here. */
    private static String queryId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "AA" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
