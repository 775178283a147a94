package dev.starshop.telegram.updates;

import dev.starshop.telegram.botapi.Message;
import dev.starshop.telegram.botapi.PreCheckoutQuery;
import dev.starshop.telegram.botapi.RefundedPayment;
import dev.starshop.telegram.botapi.ShippingQuery;
import dev.starshop.telegram.botapi.SuccessfulPayment;

/**
 * An update from Telegram, decoded and classified once by what it carries, with Telegram's typed
 * records inside. Consumers implement {@link Visitor} (Java 17 has no pattern switch over sealed
 * types), so adding a kind here is a compile error everywhere it is not yet handled. The raw body
 * is the inbox's to store; nobody reads it again.
 */
public sealed interface ClassifiedUpdate {

    long updateId();

    <R> R accept(Visitor<R> visitor);

    /** The stable name stored with the update in the inbox. */
    default String kind() {
        return getClass().getSimpleName();
    }

    record PreCheckout(long updateId, PreCheckoutQuery query) implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.preCheckout(this);
        }
    }

    record ShippingRequest(long updateId, ShippingQuery query) implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.shippingRequest(this);
        }
    }

    /** A message whose {@code successful_payment} is set. */
    record PaymentSucceeded(long updateId, Message message) implements ClassifiedUpdate {
        public SuccessfulPayment payment() {
            return message.successfulPayment();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.paymentSucceeded(this);
        }
    }

    /** A message whose {@code refunded_payment} is set. */
    record PaymentRefunded(long updateId, Message message) implements ClassifiedUpdate {
        public RefundedPayment refund() {
            return message.refundedPayment();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.paymentRefunded(this);
        }
    }

    /** A private-chat message starting with "/": {@code command} without the slash or bot name. */
    record BotCommand(long updateId, Message message, String command, String argument) implements ClassifiedUpdate {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.botCommand(this);
        }
    }

    /** Anything else: stored and acknowledged, nothing more. */
    record Other(long updateId, String description) implements ClassifiedUpdate {
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
