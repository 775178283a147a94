package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The affiliate that received a commission out of a user's payment to the bot. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AffiliateInfo(@Nullable User affiliateUser, @Nullable Chat affiliateChat,
                            @Nullable Integer commissionPerMille, @Nullable Long amount,
                            @Nullable Long nanostarAmount) {
}
