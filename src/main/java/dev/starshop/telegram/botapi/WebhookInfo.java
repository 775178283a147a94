package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The current webhook registration and its delivery health. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WebhookInfo(
        String url,
        boolean hasCustomCertificate,
        int pendingUpdateCount,
        @Nullable String ipAddress,
        @Nullable Long lastErrorDate,
        @Nullable String lastErrorMessage,
        @Nullable Long lastSynchronizationErrorDate,
        @Nullable Integer maxConnections,
        @Nullable List<String> allowedUpdates) {
}
