package dev.starshop.checkout;

import dev.starshop.order.Order;
import dev.starshop.order.OrderStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static dev.starshop.checkout.ShopRules.SHOP;
import static dev.starshop.checkout.ShopRules.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a paid total splits into items, shipping and tip with the shop's settings (tips up to 10.00
 * USD; standard 5.00 USD everywhere, express 15.00 USD to six countries; nothing in other
 * currencies). An empty split means the total cannot be explained and the payment is not honoured.
 */
class CardAmountsTest {

    @ParameterizedTest(name = "{0} order of {1}, paid {2} with shipping ''{3}'' → {4}")
    @CsvSource(nullValues = "null", value = {
            // currency, order, paid total, shipping option, items, shipping, tip (or "none")
            "XTR, 400, 400, null, 400, 0, 0",                         // Stars: the total is the items
            "XTR, 400, 401, null, none, , ",                          // Stars take no tip
            "XTR, 400, 399, null, none, , ",                          // short by one Star
            "XTR, 400, 900, standard, none, , ",                      // no rate is priced in Stars
            "USD, 1200, 1200, null, 1200, 0, 0",
            "USD, 1200, 1200, '', 1200, 0, 0",                        // an empty option is no option
            "USD, 1200, 1700, standard, 1200, 500, 0",
            "USD, 1200, 2700, express, 1200, 1500, 0",
            "USD, 1200, 1800, standard, 1200, 500, 100",
            "USD, 1200, 2700, standard, 1200, 500, 1000",             // the largest tip allowed
            "USD, 1200, 2701, standard, none, , ",                    // one cent over the largest tip
            "USD, 1200, 1699, standard, none, , ",                    // less than items + shipping: a negative tip
            "USD, 1200, 1200, standard, none, , ",                    // shipping chosen, not paid
            "USD, 1200, 1700, drone, none, , ",                       // an option the shop does not have
            "USD, 1200, 1700, STANDARD, none, , ",                    // option ids are exact
            "USD, 1200, 0, null, none, , ",
            "USD, 1200, -1200, null, none, , ",
            "USD, 1200, 9223372036854775807, null, none, , ",         // Long.MAX_VALUE
            "USD, 1200, -9223372036854775808, standard, none, , ",    // Long.MIN_VALUE: total - items wraps around
            "EUR, 1000, 1000, null, 1000, 0, 0",
            "EUR, 1000, 1100, null, none, , ",                        // no tip policy for EUR: no tips
            "EUR, 1000, 1500, standard, none, , "})                   // standard is priced in USD only
    void explain(String currency, long orderAmount, long paid, String option, String items, Long shipping,
                 Long tip) {
        Order order = order(OrderStatus.PENDING_PAYMENT, currency, orderAmount);
        Optional<CardAmounts> amounts = CardAmounts.explain(order, paid, option, SHOP);
        if (items.equals("none")) {
            assertTrue(amounts.isEmpty(), "expected no explanation, got " + amounts);
            return;
        }
        CardAmounts split = amounts.orElseThrow(() -> new AssertionError("expected a split of " + paid));
        assertEquals(Long.parseLong(items), split.items().amount());
        assertEquals(shipping, split.shipping().amount());
        assertEquals(tip, split.tip().amount());
        assertEquals(paid, split.total().amount(), "the parts add up to what was paid");
        assertEquals(currency, split.total().currency().code());
    }
}
