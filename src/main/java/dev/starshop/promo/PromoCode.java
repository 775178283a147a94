package dev.starshop.promo;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A promo code as the operator set it up. Amounts are minor units per currency code.
 *
 * @param percentOff    1–100 for a percent code, null for a fixed one
 * @param amountsOff    what a fixed code takes off, per currency (empty for a percent code)
 * @param minimumOrders the smallest subtotal per currency; a code that sets any applies only in those currencies
 * @param skus          the products the code applies to; empty: the whole order
 */
public record PromoCode(long id, String code, @Nullable Integer percentOff, Map<String, Long> amountsOff,
                        Map<String, Long> minimumOrders, Set<String> skus, @Nullable Instant startsAt,
                        @Nullable Instant endsAt, @Nullable Integer maxUses, @Nullable Integer maxUsesPerBuyer,
                        boolean active, Instant createdAt) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");

    public PromoCode {
        amountsOff = Map.copyOf(amountsOff);
        minimumOrders = Map.copyOf(minimumOrders);
        skus = Set.copyOf(skus);
    }

    /** What buyers type, in any case and with stray spaces, as it is stored; empty if it cannot be a code. */
    static Optional<String> normalise(@Nullable String entered) {
        if (entered == null) {
            return Optional.empty();
        }
        String code = entered.strip().toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    boolean isPercent() {
        return percentOff != null;
    }

    boolean hasEndedAt(Instant now) {
        return endsAt != null && !now.isBefore(endsAt);
    }

    boolean hasStartedAt(Instant now) {
        return startsAt == null || !now.isBefore(startsAt);
    }

    String kind() {
        return isPercent() ? "PERCENT" : "FIXED";
    }

    String scope() {
        return skus.isEmpty() ? "ALL" : "SKUS";
    }
}
