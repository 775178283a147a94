package dev.starshop.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category as an operator writes it; the slug fits a Telegram start parameter ({@code c_<slug>}). */
@Serdeable
public record CategoryInput(
        @NotBlank @Size(max = 32) @Pattern(regexp = SLUG_PATTERN,
                message = "use lower-case letters and digits, single '-' between them") String slug,
        @NotBlank @Size(max = 32) String title,
        @Nullable @Min(0) @Max(10_000) Integer position) {

    static final String SLUG_PATTERN = "[a-z0-9](-?[a-z0-9])*";

    int positionOrZero() {
        return position == null ? 0 : position;
    }
}
