package dev.starshop.promo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares an order's discount among the lines it was taken from, in whole minor units, so that the
 * shares add up to the discount exactly (largest remainder): each line first gets its proportion
 * of the discount rounded down (discount × line ÷ lines in scope); the minor units left over go one
 * each to the lines with the largest fractions cut off, the earlier line first on a tie. No line's
 * share is more than the line itself, because the discount is never more than the lines in scope.
 */
final class DiscountSplit {

    private DiscountSplit() {
    }

    /** The share of each line, by SKU, in the lines' order; {@code discount} at most the lines' sum. */
    static Map<String, Long> of(long discount, List<PricedLine> inScope) {
        BigInteger total = BigInteger.valueOf(inScope.stream().mapToLong(line -> line.lineTotal().amount()).sum());
        BigInteger off = BigInteger.valueOf(discount);
        List<Share> shares = new ArrayList<>();
        long given = 0;
        for (int index = 0; index < inScope.size(); index++) {
            BigInteger[] quotient = off.multiply(BigInteger.valueOf(inScope.get(index).lineTotal().amount()))
                    .divideAndRemainder(total);
            shares.add(new Share(index, quotient[0].longValueExact(), quotient[1]));
            given += quotient[0].longValueExact();
        }
        List<Share> byRemainder = shares.stream()
                .sorted(Comparator.comparing(Share::remainder).reversed().thenComparing(Share::index)).toList();
        long[] amounts = shares.stream().mapToLong(Share::rounded).toArray();
        for (int i = 0; i < discount - given; i++) {
            amounts[byRemainder.get(i).index()]++;
        }
        Map<String, Long> bySku = new LinkedHashMap<>();
        for (int index = 0; index < inScope.size(); index++) {
            bySku.put(inScope.get(index).sku(), amounts[index]);
        }
        return bySku;
    }

    private record Share(int index, long rounded, BigInteger remainder) {
    }
}
