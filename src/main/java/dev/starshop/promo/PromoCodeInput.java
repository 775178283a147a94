package dev.starshop.promo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new promo code as the operator writes it. Strict: an unknown field is refused (400), so a typo
 * such as {@code "percent"} cannot silently create a code that takes nothing off. Exactly one of
 * {@code percentOff} and {@code amountsOff}; amounts are minor units per currency code. At most one
 * of {@code skus} and {@code categories} (category slugs); neither: the whole order.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record PromoCodeInput(
        @NotBlank @Size(max = 64) String code,
        @Nullable @Min(1) @Max(100) Integer percentOff,
        @Nullable @Size(max = 200) Map<@NotNull @Pattern(regexp = "[A-Z]{3}") String, @NotNull @Positive Long> amountsOff,
        @Nullable @Size(max = 200) Map<@NotNull @Pattern(regexp = "[A-Z]{3}") String, @NotNull @Positive Long> minimumOrder,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable @Min(1) @Max(100_000_000) Integer maxUses,
        @Nullable @Min(1) @Max(100_000_000) Integer maxUsesPerBuyer,
        @Nullable @Size(max = 500) List<@NotBlank @Size(max = 64) String> skus,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 32) String> categories) {

    Map<String, Long> amountsOffOrEmpty() {
        return amountsOff == null ? Map.of() : amountsOff;
    }

    Map<String, Long> minimumOrderOrEmpty() {
        return minimumOrder == null ? Map.of() : minimumOrder;
    }

    List<String> skusOrEmpty() {
        return skus == null ? List.of() : skus;
    }

    List<String> categoriesOrEmpty() {
        return categories == null ? List.of() : categories;
    }

    /** SKUS when it lists SKUs, CATEGORIES when it lists categories (never both: checked), else ALL. */
    PromoScope scope() {
        if (!skusOrEmpty().isEmpty()) {
            return PromoScope.SKUS;
        }
        return categoriesOrEmpty().isEmpty() ? PromoScope.ALL : PromoScope.CATEGORIES;
    }
}
