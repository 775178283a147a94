package dev.starshop.order;

import dev.starshop.catalog.ProductKind;
import dev.starshop.money.Money;

/** One product in an order, priced from the catalog when the order was placed. */
public record OrderLine(int lineNo, long productId, String sku, String title, ProductKind kind,
                        int quantity, Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
