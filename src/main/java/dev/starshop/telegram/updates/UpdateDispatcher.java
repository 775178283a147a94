package dev.starshop.telegram.updates;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Routes a classified update to the handler a domain registered. A kind nobody handles yet is
 * stored and acknowledged; it stays in the inbox for whoever handles it later.
 */
@Singleton
class UpdateDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final PaymentUpdateHandler payments;
    private final CommandHandler commands;

    UpdateDispatcher(@Nullable PaymentUpdateHandler payments, @Nullable CommandHandler commands) {
        this.payments = payments;
        this.commands = commands;
    }

    void dispatch(ClassifiedUpdate update, AfterCommit after) {
        update.accept(new Route(after));
    }

    /**
     * A shared transaction is about to dispatch these new updates, in this order: the handlers may
     * read ahead what the updates will need (the orders the payments pay, locked in one statement).
     */
    void beforeDispatching(List<ClassifiedUpdate> updates) {
        List<ClassifiedUpdate.PaymentSucceeded> paid = updates.stream()
                .filter(ClassifiedUpdate.PaymentSucceeded.class::isInstance)
                .map(ClassifiedUpdate.PaymentSucceeded.class::cast).toList();
        if (payments != null && !paid.isEmpty()) {
            payments.beforePayments(paid);
        }
    }

    /** What to tell Telegram at once about an update the database cannot take now, if anything. */
    Optional<BotCall> answerWithoutDatabase(ClassifiedUpdate update) {
        if (update instanceof ClassifiedUpdate.PreCheckout query && payments != null) {
            return payments.onPreCheckoutUnrecordable(query);
        }
        return Optional.empty();
    }

    private void unhandled(ClassifiedUpdate update) {
        LOG.warn("No handler for {} update {}; stored without effect", update.kind(), update.updateId());
    }

    /** One routing of one update; carries the update's after-commit list. */
    private final class Route implements ClassifiedUpdate.Visitor<Void> {
        private final AfterCommit after;

        Route(AfterCommit after) {
            this.after = after;
        }

        @Override
        public Void preCheckout(ClassifiedUpdate.PreCheckout update) {
            if (payments == null) {
                unhandled(update);
            } else {
                payments.onPreCheckout(update, after);
            }
            return null;
        }

        @Override
        public Void shippingRequest(ClassifiedUpdate.ShippingRequest update) {
            if (payments == null) {
                unhandled(update);
            } else {
                payments.onShippingQuery(update, after);
            }
            return null;
        }

        @Override
        public Void paymentSucceeded(ClassifiedUpdate.PaymentSucceeded update) {
            if (payments == null) {
                unhandled(update);
            } else {
                payments.onPaymentSucceeded(update, after);
            }
            return null;
        }

        @Override
        public Void paymentRefunded(ClassifiedUpdate.PaymentRefunded update) {
            if (payments == null) {
                unhandled(update);
            } else {
                payments.onPaymentRefunded(update, after);
            }
            return null;
        }

        @Override
        public Void botCommand(ClassifiedUpdate.BotCommand update) {
            if (commands == null) {
                unhandled(update);
            } else {
                commands.onCommand(update, after);
            }
            return null;
        }

        @Override
        public Void other(ClassifiedUpdate.Other update) {
            LOG.debug("Update {} ({}) stored; nothing to do", update.updateId(), update.description());
            return null;
        }
    }
}
