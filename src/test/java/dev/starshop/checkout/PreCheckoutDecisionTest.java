package dev.starshop.checkout;

import dev.starshop.order.Order;
import dev.starshop.order.OrderStatus;
import dev.starshop.promo.PromoLapse;
import io.micronaut.core.annotation.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.starshop.checkout.ShopRules.EXPIRES;
import static dev.starshop.checkout.ShopRules.NOW;
import static dev.starshop.checkout.ShopRules.SHOP;
import static dev.starshop.checkout.ShopRules.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The last word before Telegram charges the buyer: every row is an order as the database has it,
 * the query Telegram sent, and what the engine answers (accept, or refuse with a reason for the
 * timeline and a message for the buyer).
 */
class PreCheckoutDecisionTest {

    private static final CheckoutTexts EN = CheckoutTexts.EN;

    /** One row of the table; {@code reason} is the start of the timeline reason. */
    record Row(String name, Optional<Order> order, PreCheckoutRequest query, Instant now, boolean ok, String reason,
               String buyerMessage) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> decisions() {
        Order stars = order(OrderStatus.PENDING_PAYMENT, "XTR", 400);
        Order card = order(OrderStatus.PENDING_PAYMENT, "USD", 1200);
        return Stream.of(
                accept("Stars, exact total", stars, query("XTR", 400, null), "accepted 400 ⭐"),
                accept("card, items only", card, query("USD", 1200, null), "accepted 12.00 USD"),
                accept("card, shipping and the largest tip", card, query("USD", 2700, "standard"),
                        "accepted 27.00 USD"),
                accept("one millisecond before expiry", stars, query("XTR", 400, null), EXPIRES.minusMillis(1),
                        "accepted"),
                refuse("unknown order", Optional.empty(), query("XTR", 400, null), NOW, "unknown order",
                        EN.unknownOrder),
                refuse("already paid", order(OrderStatus.PAID, "XTR", 400), query("XTR", 400, null),
                        "already paid", EN.alreadyPaid),
                refuse("fulfilled counts as paid", order(OrderStatus.FULFILLED, "XTR", 400), query("XTR", 400, null),
                        "already paid", EN.alreadyPaid),
                refuse("cancelled", order(OrderStatus.CANCELLED, "XTR", 400), query("XTR", 400, null),
                        "order is CANCELLED", EN.closed),
                refuse("expired by the sweep", order(OrderStatus.EXPIRED, "XTR", 400), query("XTR", 400, null),
                        "order is EXPIRED", EN.closed),
                refuse("refunded", order(OrderStatus.REFUNDED, "XTR", 400), query("XTR", 400, null),
                        "order is REFUNDED", EN.closed),
                refuse("under review", order(OrderStatus.NEEDS_REVIEW, "XTR", 400), query("XTR", 400, null),
                        "order is NEEDS_REVIEW", EN.closed),
                refuse("pending, at its expiry instant, before the sweep", stars, query("XTR", 400, null), EXPIRES,
                        "order is past its expiry", EN.closed),
                refuse("pending, long past expiry", stars, query("XTR", 400, null), EXPIRES.plusSeconds(3600),
                        "order is past its expiry", EN.closed),
                refuse("wrong currency", stars, query("USD", 400, null), NOW, "currency USD instead of XTR",
                        EN.priceChanged),
                refuse("currency codes are exact", card, query("usd", 1200, null), NOW, "currency usd instead of USD",
                        EN.priceChanged),
                refuse("one Star short", stars, query("XTR", 399, null), NOW,
                        "total 399 ⭐ does not match order 400 ⭐ without shipping", EN.priceChanged),
                refuse("a tip in Stars", stars, query("XTR", 401, null), NOW,
                        "total 401 ⭐ does not match order 400 ⭐", EN.priceChanged),
                refuse("zero", stars, query("XTR", 0, null), NOW, "total 0 ⭐ does not match", EN.priceChanged),
                refuse("negative", card, query("USD", -1200, null), NOW, "total -12.00 USD does not match",
                        EN.priceChanged),
                refuse("Long.MAX_VALUE", card, query("USD", Long.MAX_VALUE, null), NOW, "total 92233720368547758.07 USD",
                        EN.priceChanged),
                refuse("tip above the maximum", card, query("USD", 2701, "standard"), NOW,
                        "total 27.01 USD does not match order 12.00 USD with shipping 'standard' and an allowed tip",
                        EN.priceChanged),
                refuse("unknown shipping option", card, query("USD", 1700, "drone"), NOW,
                        "total 17.00 USD does not match order 12.00 USD with shipping 'drone'", EN.priceChanged),
                refuse("the refusal speaks the buyer's language", Optional.of(stars),
                        new PreCheckoutRequest("q-zh", "zh-hans", "XTR", 1, stars.id().toString(), null),
                        NOW, "total 1 ⭐", CheckoutTexts.ZH.priceChanged),
                refuse("no language: English", Optional.of(stars),
                        new PreCheckoutRequest("q-anon", null, "XTR", 1, stars.id().toString(), null),
                        NOW, "total 1 ⭐", EN.priceChanged));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decide(Row row) {
        PreCheckoutDecision decision = PreCheckoutDecision.decide(row.order(), row.query(), row.now(), SHOP);
        assertEquals(row.ok(), decision.ok(), decision.reason());
        assertTrue(decision.reason().startsWith(row.reason()),
                "reason '" + decision.reason() + "' should start with '" + row.reason() + "'");
        assertEquals(row.buyerMessage(), decision.buyerMessage());
    }

    /** Whatever the state, a closed order is never accepted, even with the right money. */
    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING_PAYMENT", mode = EnumSource.Mode.EXCLUDE)
    void onlyAPendingOrderCanBeCharged(OrderStatus status) {
        PreCheckoutDecision decision = PreCheckoutDecision.decide(Optional.of(order(status, "XTR", 400)),
                query("XTR", 400, null), NOW, SHOP);
        assertFalse(decision.ok(), status + " was accepted");
        assertFalse(decision.buyerMessage().isBlank(), "a refusal must tell the buyer why");
    }

    /**
     * A code withdrawn, expired or out of scope (its categories no longer hold any of the order's
     * products) after the order was placed refuses the payment, in the buyer's language.
     */
    @ParameterizedTest
    @EnumSource(PromoLapse.class)
    void aLapsedPromoCodeRefusesThePayment(PromoLapse lapse) {
        Order order = order(OrderStatus.PENDING_PAYMENT, "XTR", 400);
        PreCheckoutDecision english = PreCheckoutDecision.decide(Optional.of(order), query("XTR", 400, null), NOW,
                SHOP, Optional.of(lapse));
        PreCheckoutDecision chinese = PreCheckoutDecision.decide(Optional.of(order),
                new PreCheckoutRequest("q-2", "zh-hans", "XTR", 400, "00000000-0000-0000-0000-000000000042", null),
                NOW, SHOP, Optional.of(lapse));

        assertFalse(english.ok());
        assertTrue(english.reason().contains(lapse.name()), english.reason());
        boolean outOfScope = lapse == PromoLapse.OUT_OF_SCOPE;
        assertTrue(english.buyerMessage().startsWith(outOfScope ? "The promo code on this order is out of scope"
                : "The promo code on this order is no longer valid"), english.buyerMessage());
        assertTrue(chinese.buyerMessage().contains(outOfScope ? "优惠码已不适用" : "优惠码已失效"), chinese.buyerMessage());
        assertTrue(PreCheckoutDecision.decide(Optional.of(order), query("XTR", 400, null), NOW, SHOP,
                Optional.empty()).ok(), "a code that still holds changes nothing");
    }

    private static PreCheckoutRequest query(String currency, long total, @Nullable String shippingOption) {
        return new PreCheckoutRequest("q-1", "en", currency, total, "00000000-0000-0000-0000-000000000042",
                shippingOption);
    }

    private static Row accept(String name, Order order, PreCheckoutRequest query, String reason) {
        return accept(name, order, query, NOW, reason);
    }

    private static Row accept(String name, Order order, PreCheckoutRequest query, Instant now, String reason) {
        return new Row(name, Optional.of(order), query, now, true, reason, "");
    }

    private static Row refuse(String name, Order order, PreCheckoutRequest query, String reason, String message) {
        return new Row(name, Optional.of(order), query, NOW, false, reason, message);
    }

    private static Row refuse(String name, Optional<Order> order, PreCheckoutRequest query, Instant now, String reason,
                              String message) {
        return new Row(name, order, query, now, false, reason, message);
    }

    private static Row refuse(String name, Order order, PreCheckoutRequest query, Instant now, String reason,
                              String message) {
        return new Row(name, Optional.of(order), query, now, false, reason, message);
    }
}
