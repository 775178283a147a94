package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Request of {@code editUserStarSubscription}: cancel (true) or re-enable (false) renewal. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EditUserStarSubscription(long userId, String telegramPaymentChargeId, boolean isCanceled) {
}
