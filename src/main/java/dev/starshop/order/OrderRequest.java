package dev.starshop.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the Mini App asks for: products and quantities, the currency to pay in, and optionally a
 * promo code as the buyer typed it.
 */
@Serdeable
public record OrderRequest(
        @NotEmpty List<@Valid @NotNull Item> items,
        @NotBlank @Size(max = 8) String currency,
        @Nullable @Size(max = 64) String promoCode) {

    public OrderRequest(List<Item> items, String currency) {
        this(items, currency, null);
    }

    boolean hasPromoCode() {
        return promoCode != null && !promoCode.isBlank();
    }

    @Serdeable
    public record Item(@NotBlank @Size(max = 64) String sku, int quantity) {
    }

    /**
     * A digest of what was asked, independent of item order and JSON layout: an Idempotency-Key
     * reused with the same digest is a retry, with another digest a client bug.
     */
    String fingerprint() {
        String canonical = currency + "|" + items.stream()
                .sorted(Comparator.comparing(Item::sku))
                .map(item -> item.sku() + "*" + item.quantity())
                .collect(Collectors.joining(","))
                // A code is part of what was asked; without one the digest is what it always was.
                + (hasPromoCode() ? "|promo:" + promoCode.strip().toUpperCase(Locale.ROOT) : "");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
