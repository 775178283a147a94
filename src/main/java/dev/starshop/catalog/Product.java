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
 * @param category       the slug of its category, if it has one
 * @param image          the picture uploaded in the console, if any
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
        Delivery delivery,
        @Nullable String category,
        @Nullable ProductImage image) {

    public Product {
        prices = List.copyOf(prices);
    }

    public boolean deliversCodes() {
        return delivery.kind() == DeliveryKind.CODES;
    }

    public Optional<Money> priceIn(String currencyCode) {
        return prices.stream().filter(price -> price.currency().code().equals(currencyCode)).findFirst();
    }

    /**
     * The picture Telegram may show on the invoice: the uploaded one when the engine is reachable
     * over HTTPS at {@code publicBaseUrl}, else a typed photo URL that is HTTPS itself.
     */
    public Optional<String> invoicePhotoUrl(@Nullable String publicBaseUrl) {
        if (image != null && publicBaseUrl != null && publicBaseUrl.startsWith("https://")) {
            return Optional.of(publicBaseUrl.replaceAll("/+$", "") + image.url());
        }
        return Optional.ofNullable(photoUrl).filter(url -> url.startsWith("https://"));
    }

    public boolean isUnlimited() {
        return stockAvailable == null;
    }
}
