package dev.starshop.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A product as an operator sees it: the public view plus how it is delivered. The delivery text can
 * hold an invite link or instructions meant for buyers only, so the public catalog never shows it.
 */
@Serdeable
public record AdminProductView(
        String sku,
        String title,
        String description,
        @Nullable String photoUrl,
        ProductKind kind,
        boolean active,
        @Nullable Integer stock,
        List<ProductView.PriceView> prices,
        Delivery delivery,
        @Nullable String category,
        @Nullable ProductImage image) {

    static AdminProductView of(Product product) {
        ProductView view = ProductView.of(product);
        return new AdminProductView(view.sku(), view.title(), view.description(), view.photoUrl(), view.kind(),
                view.active(), view.stock(), view.prices(), product.delivery(), product.category(), product.image());
    }
}
