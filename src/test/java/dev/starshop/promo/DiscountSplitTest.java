package dev.starshop.promo;

import dev.starshop.money.Currency;
import dev.starshop.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An order's discount shared among its lines in scope: whole minor units that add up exactly. */
class DiscountSplitTest {

    private static final Currency USD = new Currency("USD", 2, 100, 1_000_000);

    @Test
    void theMinorUnitsLeftOverGoToTheLargestFractionsThenTheEarliestLine() {
        assertEquals(Map.of("a", 34L, "b", 33L, "c", 33L), DiscountSplit.of(100, lines(100, 100, 100)));
        assertEquals(Map.of("a", 429L, "b", 659L), DiscountSplit.of(1088, lines(1299, 1998)),
                "428.67 and 659.33: the cent left over goes to the larger fraction cut off");
        assertEquals(Map.of("a", 0L, "b", 1L), DiscountSplit.of(1, lines(1, 2)), "0.33 and 0.67");
    }

    @Test
    void theSharesAlwaysAddUpToTheDiscountAndNoLineGetsMoreThanItCosts() {
        Random random = new Random(17);
        for (int round = 0; round < 2_000; round++) {
            long[] amounts = IntStream.range(0, 1 + random.nextInt(6)).mapToLong(i -> 1 + random.nextInt(100_000))
                    .toArray();
            long total = java.util.Arrays.stream(amounts).sum();
            long discount = 1 + (long) (random.nextDouble() * total);
            Map<String, Long> shares = DiscountSplit.of(discount, lines(amounts));

            assertEquals(discount, shares.values().stream().mapToLong(Long::longValue).sum());
            for (int i = 0; i < amounts.length; i++) {
                long share = shares.get(String.valueOf((char) ('a' + i)));
                assertTrue(share >= 0 && share <= amounts[i], share + " of " + amounts[i]);
            }
        }
    }

    private static List<PricedLine> lines(long... amounts) {
        return IntStream.range(0, amounts.length)
                .mapToObj(i -> new PricedLine(String.valueOf((char) ('a' + i)), null, new Money(amounts[i], USD)))
                .toList();
    }
}
