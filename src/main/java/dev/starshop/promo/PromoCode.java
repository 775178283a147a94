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
 * @param scope         which lines it takes its discount off
 * @param skus          the products a {@link PromoScope#SKUS} code applies to
 * @param categories    the category slugs a {@link PromoScope#CATEGORIES} code applies to
 */
public record PromoCode(long id, String code, @Nullable Integer percentOff, Map<String, Long> amountsOff,
                        Map<String, Long> minimumOrders, PromoScope scope, Set<String> skus, Set<String> categories,
                        @Nullable Instant startsAt,
                        @Nullable Instant endsAt, @Nullable Integer maxUses, @Nullable Integer maxUsesPerBuyer,
                        boolean active, Instant createdAt) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");

    public PromoCode {
        amountsOff = Map.copyOf(amountsOff);
        minimumOrders = Map.copyOf(minimumOrders);
        skus = Set.copyOf(skus);
        categories = Set.copyOf(categories);
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

    /** Whether the code takes its discount off this line. */
    boolean covers(PricedLine line) {
        return switch (scope) {
            case ALL -> true;
            case SKUS -> skus.contains(line.sku());
            case CATEGORIES -> line.category() != null && categories.contains(line.category());
        };
    }
}
