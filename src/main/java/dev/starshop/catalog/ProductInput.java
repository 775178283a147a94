package dev.starshop.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A product as an operator writes it. Title and description limits are Telegram's invoice limits,
 * because the title becomes the invoice title. A missing {@code delivery} means {@link Delivery#NONE};
 * for a CODES product {@code stock} is ignored: its stock is its pool (docs/fulfilment.md). {@code category}
 * is a category's slug; absent means none.
 */
@Serdeable
public record ProductInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = SKU_PATTERN, message = "use letters, digits, '-', '_' or '.'")
        String sku,
        @NotBlank @Size(max = 32) String title,
        @NotBlank @Size(max = 255) String description,
        @Nullable @Size(max = 2048) @Pattern(regexp = "https?://\\S+|/\\S*", message = "must be an http(s) URL")
        String photoUrl,
        @NotNull ProductKind kind,
        @Nullable Boolean active,
        @Nullable @PositiveOrZero @Max(1_000_000_000) Integer stock,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull PriceInput> prices,
        @Nullable @Valid Delivery delivery,
        @Nullable @Size(max = 32) String category) {

    static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

    boolean isActive() {
        return active == null || active;
    }

    /** One price: an amount in minor units of a currency ("XTR" for Stars). */
    @Serdeable
    public record PriceInput(
            @NotBlank @Size(min = 3, max = 3) String currency,
            @Min(1) long amount) {
    }
}
