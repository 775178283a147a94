package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A Fragment withdrawal's state: type "pending", "succeeded" (with date and url) or "failed". */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RevenueWithdrawalState(@Nullable String type, @Nullable Long date, @Nullable String url) {
}
