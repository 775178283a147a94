package dev.starshop.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How a product is delivered: its kind, a text template ({@link DeliveryText}) and whether Telegram
 * should protect what is sent from forwarding and saving ({@code protect_content}).
 *
 * @param text required for TEXT (the message); optional for CODES (the message around the code) and
 *             FILE (the document's caption); absent for NONE
 */
@Serdeable
public record Delivery(
        @NotNull DeliveryKind kind,
        @Nullable @Size(min = 1, max = DeliveryText.MAX_LENGTH) String text,
        @Nullable Boolean protectContent) {

    public static final Delivery NONE = new Delivery(DeliveryKind.NONE, null, false);

    public Delivery {
        protectContent = protectContent != null && protectContent;
    }

    public boolean protectsContent() {
        return Boolean.TRUE.equals(protectContent);
    }
}
