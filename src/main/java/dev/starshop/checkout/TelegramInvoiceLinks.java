package dev.starshop.checkout;

import dev.starshop.money.AcceptedCurrencies;
import dev.starshop.money.Currency;
import dev.starshop.order.InvoiceLinks;
import dev.starshop.order.Order;
import dev.starshop.telegram.botapi.BotApiClient;
import jakarta.inject.Singleton;

/** Issues invoice links with createInvoiceLink, in Stars or, with a card provider, in fiat. */
@Singleton
class TelegramInvoiceLinks implements InvoiceLinks, AcceptedCurrencies {

    private final BotApiClient client;
    private final InvoiceFactory invoices;
    private final PaymentProvider provider;

    TelegramInvoiceLinks(BotApiClient client, InvoiceFactory invoices, PaymentProvider provider) {
        this.client = client;
        this.invoices = invoices;
        this.provider = provider;
    }

    @Override
    public boolean accepts(Currency currency) {
        return currency.isStars() || provider.cardsEnabled();
    }

    @Override
    public String createFor(Order order) {
        return client.createInvoiceLink(invoices.invoiceFor(order));
    }
}
