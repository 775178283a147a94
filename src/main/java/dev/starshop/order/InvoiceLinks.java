package dev.starshop.order;

import dev.starshop.catalog.Product;

import java.util.List;

/**
 * Issues the payment link for an order. The checkout domain implements it over the Bot API; the
 * order domain only knows that a link can be asked for, and that asking can fail.
 */
public interface InvoiceLinks {

    /** A link for {@code WebApp.openInvoice}; throws a problem (502) when Telegram cannot be reached. */
    default String createFor(Order order) {
        return createFor(order, List.of());
    }

    /**
     * The same, with the catalog's products as just read for this order (to price it): when they
     * cover its lines the invoice is built from them instead of reading the catalog again.
     */
    String createFor(Order order, List<Product> products);
}
