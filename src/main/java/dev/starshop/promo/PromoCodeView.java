package dev.starshop.promo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A promo code as the console shows it, with its uses: {@code usesHeld} counts every order holding
 * a use (waiting for payment, paid, refunded), {@code usesPaid} those whose payment arrived.
 */
@Serdeable
public record PromoCodeView(long id, String code, String kind, @Nullable Integer percentOff,
                            Map<String, Long> amountsOff, Map<String, Long> minimumOrder, String scope,
                            List<String> skus, List<String> categories, @Nullable Instant startsAt, @Nullable Instant endsAt,
                            @Nullable Integer maxUses, @Nullable Integer maxUsesPerBuyer, boolean active,
                            Instant createdAt, long usesHeld, long usesPaid) {

    static PromoCodeView of(PromoCode code, PromoUses uses) {
        return new PromoCodeView(code.id(), code.code(), code.kind(), code.percentOff(),
                new TreeMap<>(code.amountsOff()), new TreeMap<>(code.minimumOrders()), code.scope().name(),
                code.skus().stream().sorted().toList(), code.categories().stream().sorted().toList(), code.startsAt(), code.endsAt(), code.maxUses(),
                code.maxUsesPerBuyer(), code.active(), code.createdAt(), uses.held(), uses.paid());
    }

    /** How often a code is used. */
    record PromoUses(long held, long paid) {
        static final PromoUses NONE = new PromoUses(0, 0);
    }
}
