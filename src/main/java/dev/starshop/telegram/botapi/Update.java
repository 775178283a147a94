package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One incoming update. Only the kinds a shop handles are mapped; Telegram sends many more, and
 * unknown properties are ignored on read, so such an update arrives with every mapped field null.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Update(
        long updateId,
        @Nullable Message message,
        @Nullable Message editedMessage,
        @Nullable ShippingQuery shippingQuery,
        @Nullable PreCheckoutQuery preCheckoutQuery) {
}
