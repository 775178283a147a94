package dev.starshop.telegram.updates;

import io.micronaut.json.tree.JsonNode;

/**
 * An update from Telegram, classified once by what it carries. Consumers implement
 * {@link Visitor}, so adding a kind here is a compile error everywhere it is not yet handled.
 */
public sealed interface ClassifiedUpdate {

    long updateId();

    /** The whole update as Telegram sent it. */
    JsonNode raw();

    <R> R accept(Visitor<R> visitor);

    /** The stable name stored with the update in the inbox. */
    default String kind() {
        return getClass().getSimpleName();
    }

    record PreCheckout(long updateId, JsonNode raw, JsonNode query) implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.preCheckout(this);
        }
    }

    record ShippingRequest(long updateId, JsonNode raw, JsonNode query) implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.shippingRequest(this);
        }
    }

    record PaymentSucceeded(long updateId, JsonNode raw, JsonNode message) implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.paymentSucceeded(this);
        }
    }

    record PaymentRefunded(long updateId, JsonNode raw, JsonNode message) implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.paymentRefunded(this);
        }
    }

    /** A private-chat message starting with "/": {@code command} without the slash or bot name. */
    record BotCommand(long updateId, JsonNode raw, JsonNode message, String command, String argument)
            implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.botCommand(this);
        }
    }

    /** Anything else: stored and acknowledged, nothing more. */
    record Other(long updateId, JsonNode raw, String description) implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.other(this);
        }
    }

    interface Visitor<R> {
        R preCheckout(PreCheckout update);

        R shippingRequest(ShippingRequest update);

        R paymentSucceeded(PaymentSucceeded update);

        R paymentRefunded(PaymentRefunded update);

        R botCommand(BotCommand update);

        R other(Other update);
    }
}
