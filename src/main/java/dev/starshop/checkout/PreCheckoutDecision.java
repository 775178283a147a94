package dev.starshop.checkout;

import dev.starshop.money.Money;
import dev.starshop.order.Order;
import dev.starshop.order.OrderStatus;
import dev.starshop.promo.PromoLapse;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether to let Telegram charge the buyer. Decided from the database alone (Telegram cancels the
 * payment after 10 s): the order exists, is still payable, and the amount is exactly what we
 * expect. Stock needs no check: an order holds its reservation for as long as it is payable.
 *
 * It is also checkout's verdict to its adapters ({@link PaymentIntake}): the Telegram adapter turns it
 * into answerPreCheckoutQuery.
 *
 * @param reason short, stable, for the timeline; {@code buyerMessage} is what the buyer reads on a refusal
 */
public record PreCheckoutDecision(boolean ok, String reason, String buyerMessage) {

    static PreCheckoutDecision decide(Optional<Order> found, PreCheckoutRequest query, Instant now,
                                      CheckoutSettings settings) {
        return decide(found, query, now, settings, Optional.empty());
    }

    /**
     * @param promoLapse why the order's promo code no longer holds (deactivated, expired, its use
     *                   given back), empty when it does or the order has none
     */
    static PreCheckoutDecision decide(Optional<Order> found, PreCheckoutRequest query, Instant now,
                                      CheckoutSettings settings, Optional<PromoLapse> promoLapse) {
        CheckoutTexts texts = CheckoutTexts.forLanguage(query.languageCode());
        if (found.isEmpty()) {
            return refuse("unknown order", texts.unknownOrder);
        }
        Order order = found.get();
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.FULFILLED) {
            return refuse("already paid", texts.alreadyPaid);
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT || order.isExpiredAt(now)) {
            return refuse("order is " + (order.isExpiredAt(now) ? "past its expiry" : order.status()), texts.closed);
        }
        if (promoLapse.isPresent()) {
            return refuse("promo code " + order.promoCode() + " lapsed: " + promoLapse.get(),
                    promoLapse.get() == PromoLapse.OUT_OF_SCOPE ? texts.promoOutOfScope : texts.promoLapsed);
        }
        if (!order.total().currency().code().equals(query.currency())) {
            return refuse("currency " + query.currency() + " instead of " + order.total().currency().code(),
                    texts.priceChanged);
        }
        Optional<CardAmounts> amounts = CardAmounts.explain(order, query.totalAmount(), query.shippingOptionId(),
                settings);
        if (amounts.isEmpty()) {
            Money asked = new Money(query.totalAmount(), order.total().currency());
            return refuse("total " + asked.display() + " does not match order " + order.total().display()
                    + shippingOption(query) + " and an allowed tip", texts.priceChanged);
        }
        return new PreCheckoutDecision(true, "accepted " + amounts.get().total().display(), "");
    }

    private static String shippingOption(PreCheckoutRequest query) {
        String option = query.shippingOptionId();
        return option == null ? " without shipping" : " with shipping '" + option + "'";
    }

    static PreCheckoutDecision refuse(String reason, String buyerMessage) {
        return new PreCheckoutDecision(false, reason, buyerMessage);
    }
}
