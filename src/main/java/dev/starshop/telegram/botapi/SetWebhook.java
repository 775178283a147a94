package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * Request of {@code setWebhook}. {@code secretToken} comes back in
 * {@code X-Telegram-Bot-Api-Secret-Token} on every delivery; it is a secret like the bot token.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetWebhook(
        String url,
        @Nullable String secretToken,
        @Nullable List<String> allowedUpdates,
        @Nullable Integer maxConnections,
        @Nullable Boolean dropPendingUpdates,
        @Nullable String ipAddress) {

    @Override
    public String toString() {
        return "SetWebhook[url=" + url + ", secretToken=" + (secretToken == null ? "<unset>" : "<set>")
                + ", allowedUpdates=" + allowedUpdates + ", maxConnections=" + maxConnections
                + ", dropPendingUpdates=" + dropPendingUpdates + ", ipAddress=" + ipAddress + "]";
    }
}
