package dev.starshop.catalog;

import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * A product as the shop sells it.
 *
 * @param stockAvailable units still free to reserve; {@code null} means unlimited
 * @param prices         one price per currency, in that currency's minor units
 * @param delivery       what the buyer receives after payment (docs/fulfilment.md)
 */
public record Product(
        long id,
        String sku,
        String title,
        String description,
        @Nullable String photoUrl,
        ProductKind kind,
        boolean active,
        @Nullable Integer stockAvailable,
        List<Money> prices,
        Delivery delivery) {

    public Product {
        prices = List.copyOf(prices);
    }

    public boolean deliversCodes() {
        return delivery.kind() == DeliveryKind.CODES;
    }

    public Optional<Money> priceIn(String currencyCode) {
        return prices.stream().filter(price -> price.currency().code().equals(currencyCode)).findFirst();
    }

    public boolean isUnlimited() {
        return stockAvailable == null;
    }
}
