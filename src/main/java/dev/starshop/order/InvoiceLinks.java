package dev.starshop.order;

/**
 * Issues the payment link for an order. The checkout domain implements it over the Bot API; the
 * order domain only knows that a link can be asked for, and that asking can fail.
 */
public interface InvoiceLinks {

    /** A link for {@code WebApp.openInvoice}; throws a problem (502) when Telegram cannot be reached. */
    String createFor(Order order);
}
