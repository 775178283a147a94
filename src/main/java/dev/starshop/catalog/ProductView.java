package dev.starshop.catalog;

import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A product as the API shows it; {@code stock} null means unlimited. {@code image} (an uploaded
 * picture, with its sizes) takes precedence over {@code photoUrl} (a link the operator typed).
 */
@Serdeable
public record ProductView(
        String sku,
        String title,
        String description,
        @Nullable String photoUrl,
        ProductKind kind,
        boolean active,
        @Nullable Integer stock,
        List<PriceView> prices,
        @Nullable String category,
        @Nullable ProductImage image) {

    static ProductView of(Product product) {
        return new ProductView(product.sku(), product.title(), product.description(), product.photoUrl(),
                product.kind(), product.active(), product.stockAvailable(),
                product.prices().stream().map(PriceView::of).toList(), product.category(), product.image());
    }

    /**
     * @param amount  minor units (cents, Stars)
     * @param decimal the same amount with the currency's exponent ("1.45")
     * @param display what a person reads ("1.45 USD", "50 ⭐")
     */
    @Serdeable
    public record PriceView(String currency, long amount, String decimal, String display) {
        static PriceView of(Money price) {
            return new PriceView(price.currency().code(), price.amount(), price.decimalText(), price.display());
        }
    }
}
