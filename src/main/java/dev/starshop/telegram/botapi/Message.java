package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A message, reduced to what payments and the bot's chat need (spec: "Message (payment-related fields only)"). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Message(
        long messageId,
        @JsonProperty("from") @Nullable User sender,
        long date,
        Chat chat,
        @Nullable String text,
        @Nullable Invoice invoice,
        @Nullable SuccessfulPayment successfulPayment,
        @Nullable RefundedPayment refundedPayment,
        @Nullable Document document) {

    /** A message without a document (updates, text messages). */
    public Message(long messageId, @Nullable User sender, long date, Chat chat, @Nullable String text,
                   @Nullable Invoice invoice, @Nullable SuccessfulPayment successfulPayment,
                   @Nullable RefundedPayment refundedPayment) {
        this(messageId, sender, date, chat, text, invoice, successfulPayment, refundedPayment, null);
    }
}
