package dev.starshop.money;

import java.util.Objects;

/**
 * A currency Telegram accepts for invoices, with the facts from Telegram's currencies table.
 *
 * @param code      ISO 4217 code, or {@code XTR} for Telegram Stars
 * @param exponent  digits after the decimal point; amounts are kept in units of 10^-exponent
 * @param minAmount smallest invoice total Telegram accepts, in minor units
 * @param maxAmount largest invoice total Telegram accepts, in minor units
 */
public record Currency(String code, int exponent, long minAmount, long maxAmount) {

    public static final String STARS_CODE = "XTR";

    public Currency {
        Objects.requireNonNull(code, "code");
        if (exponent < 0 || minAmount < 1 || maxAmount < minAmount) {
            throw new IllegalArgumentException("Inconsistent currency facts for " + code);
        }
    }

    public boolean isStars() {
        return STARS_CODE.equals(code);
    }

    /** Refuses an invoice total Telegram would refuse, with the limits in the message. */
    public void requireWithinLimits(long amount) {
        if (amount < minAmount || amount > maxAmount) {
            throw new AmountOutOfRangeException(new Money(amount, this),
                    new Money(minAmount, this), new Money(maxAmount, this));
        }
    }
}
