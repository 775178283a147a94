package dev.starshop.checkout;

import dev.starshop.order.Order;
import dev.starshop.order.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.starshop.checkout.ShopRules.SHOP;
import static dev.starshop.checkout.ShopRules.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which delivery options a buyer is offered for an address, with the shop's rates (standard 5.00
 * USD everywhere, express 15.00 USD to US, GB, DE, FR, CN, JP; nothing priced in other currencies).
 */
class ShippingAnswersTest {

    private final ShippingAnswers answers = new ShippingAnswers(SHOP);

    @ParameterizedTest(name = "{1} order to ''{0}'' → {2}")
    @CsvSource(delimiter = '|', value = {
            // country | order currency | options offered as id:amount, or the refusal
            "US | USD | standard:500 express:1500",
            "DE | USD | standard:500 express:1500",
            "JP | USD | standard:500 express:1500",
            "BR | USD | standard:500",                 // worldwide only
            "us | USD | standard:500",                 // codes are compared exactly; Telegram sends upper case
            "'' | USD | standard:500",                 // no country: worldwide only
            "US | EUR | refused",                      // no rate priced in the order's currency
            "US | XTR | refused"})                     // Stars orders have no shipping rates
    void optionsForAnAddress(String country, String currency, String expected) {
        Order order = order(OrderStatus.PENDING_PAYMENT, currency, currency.equals("XTR") ? 400 : 1200);
        ShippingDecision answer = answers.answer(query(country, "en"), Optional.of(order));
        if (expected.equals("refused")) {
            assertFalse(answer.ok());
            assertTrue(answer.options().isEmpty());
            assertEquals(CheckoutTexts.EN.noShipping, answer.buyerMessage());
            return;
        }
        assertTrue(answer.ok(), answer.buyerMessage());
        assertNull(answer.buyerMessage());
        assertEquals(Arrays.asList(expected.split(" ")), answer.options().stream()
                .map(ShippingAnswersTest::idAndAmount).toList());
    }

    @Test
    void eachOptionCarriesItsTitleAndOnePriceInTheOrdersCurrency() {
        ShippingDecision answer = answers.answer(query("GB", "en"),
                Optional.of(order(OrderStatus.PENDING_PAYMENT, "USD", 1200)));
        ShippingDecision.Option express = answer.options().get(1);
        assertEquals("Express courier", express.title());
        assertEquals("USD", express.price().currency().code());
        assertEquals(1500, express.price().amount());
    }

    @ParameterizedTest(name = "language ''{0}''")
    @CsvSource({"en, EN", "zh-hans, ZH", "ZH, ZH", "de, EN"})
    void anUnknownOrderIsRefusedInTheBuyersLanguage(String language, CheckoutTexts texts) {
        ShippingDecision answer = answers.answer(query("US", language), Optional.empty());
        assertFalse(answer.ok());
        assertEquals(texts.unknownOrder, answer.buyerMessage());
    }

    @Test
    void aShopWithoutRatesRefusesEveryAddress() {
        ShippingAnswers none = new ShippingAnswers(ShopRules.settings("{}", "[]"));
        for (String country : List.of("US", "DE", "BR")) {
            ShippingDecision answer = none.answer(query(country, "zh"),
                    Optional.of(order(OrderStatus.PENDING_PAYMENT, "USD", 1200)));
            assertFalse(answer.ok(), country);
            assertEquals(CheckoutTexts.ZH.noShipping, answer.buyerMessage());
        }
    }

    private static ShippingRequest query(String country, String language) {
        return new ShippingRequest("sq-1", language, "00000000-0000-0000-0000-000000000042", country);
    }

    private static String idAndAmount(ShippingDecision.Option option) {
        return option.id() + ":" + option.price().amount();
    }
}
