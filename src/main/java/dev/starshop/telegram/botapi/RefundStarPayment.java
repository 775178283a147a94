package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Request of {@code refundStarPayment}: the charge id is the idempotency key of the refund. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundStarPayment(long userId, String telegramPaymentChargeId) {
}
