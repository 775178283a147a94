package dev.starshop.money;

import java.math.BigDecimal;

/**
 * An exact quantity of Telegram Stars, counted in nanostars (10^-9 Star): Telegram's
 * {@code amount} plus {@code nanostar_amount}, which affiliate commissions and API fees can carry.
 * Never a float; the whole and fractional parts are what the ledger stores.
 *
 * @param nanostars the quantity in 1/1,000,000,000 Stars; negative for an outflow where a sign is meant
 */
public record StarQuantity(long nanostars) implements Comparable<StarQuantity> {

    public static final long NANOS_PER_STAR = 1_000_000_000L;
    public static final StarQuantity ZERO = new StarQuantity(0);

    /**
     * Telegram's pair, as in {@code StarAmount}: {@code nanos} from -999,999,999 to 999,999,999 and
     * negative only when {@code whole} is not positive.
     *
     * @throws IllegalArgumentException the pair breaks Telegram's rules
     */
    public static StarQuantity of(long whole, long nanos) {
        if (nanos <= -NANOS_PER_STAR || nanos >= NANOS_PER_STAR) {
            throw new IllegalArgumentException("nanostar_amount must be -999999999..999999999, is " + nanos);
        }
        if ((whole > 0 && nanos < 0) || (whole < 0 && nanos > 0)) {
            throw new IllegalArgumentException("amount " + whole + " and nanostar_amount " + nanos
                    + " have different signs");
        }
        return new StarQuantity(Math.addExact(Math.multiplyExact(whole, NANOS_PER_STAR), nanos));
    }

    public static StarQuantity ofStars(long whole) {
        return of(whole, 0);
    }

    /** Whole Stars, rounded towards zero as Telegram's {@code amount} is. */
    public long wholeStars() {
        return nanostars / NANOS_PER_STAR;
    }

    /** The fraction in nanostars, with the sign of the quantity. */
    public int nanosPart() {
        return (int) (nanostars % NANOS_PER_STAR);
    }

    public boolean isWhole() {
        return nanosPart() == 0;
    }

    public StarQuantity plus(StarQuantity other) {
        return new StarQuantity(Math.addExact(nanostars, other.nanostars));
    }

    public StarQuantity minus(StarQuantity other) {
        return new StarQuantity(Math.subtractExact(nanostars, other.nanostars));
    }

    public StarQuantity negate() {
        return new StarQuantity(Math.negateExact(nanostars));
    }

    public boolean isPositive() {
        return nanostars > 0;
    }

    public boolean isZero() {
        return nanostars == 0;
    }

    /** Stars as decimal text without trailing zeros: "12.5", "3", "0.000000001". */
    public String decimalText() {
        BigDecimal stars = BigDecimal.valueOf(nanostars, 9).stripTrailingZeros();
        return stars.scale() < 0 ? stars.setScale(0).toPlainString() : stars.toPlainString();
    }

    @Override
    public int compareTo(StarQuantity other) {
        return Long.compare(nanostars, other.nanostars);
    }

    @Override
    public String toString() {
        return decimalText() + " XTR";
    }
}
