package dev.starshop.catalog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTextTest {

    private static final Map<String, String> VALUES = Map.of("orderId", "0b6f", "buyerName", "Alice",
            "productTitle", "E-book", "quantity", "2", "code", "KEY-1");

    @Test
    void placeholdersAreReplacedAndDoubledBracesAreLiteral() {
        DeliveryText text = DeliveryText.parse("Hi {buyerName}, order {orderId}: {{not a placeholder}}", false);
        assertEquals("Hi Alice, order 0b6f: {not a placeholder}", text.render(VALUES));
    }

    @Test
    void aTextWithoutPlaceholdersIsItself() {
        assertEquals("https://t.me/+invite", DeliveryText.parse("https://t.me/+invite", false).render(Map.of()));
    }

    @Test
    void codeIsAPlaceholderOnlyWhereCodesAreDelivered() {
        assertEquals("Your key: KEY-1", DeliveryText.parse("Your key: {code}", true).render(VALUES));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DeliveryText.parse("Your key: {code}", false));
        assertTrue(refused.getMessage().contains("{code}"), refused.getMessage());
    }

    @Test
    void unknownPlaceholdersAndStrayBracesAreRefusedWithTheirName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DeliveryText.parse("Hello {firstName}", false));
        assertTrue(unknown.getMessage().startsWith("Unknown placeholder {firstName}"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeliveryText.parse("open { brace", false));
        assertThrows(IllegalArgumentException.class, () -> DeliveryText.parse("close } brace", false));
    }

    @Test
    void renderingWithoutAValueFails() {
        assertThrows(IllegalArgumentException.class,
                () -> DeliveryText.parse("{orderId}", false).render(Map.of()));
    }
}
