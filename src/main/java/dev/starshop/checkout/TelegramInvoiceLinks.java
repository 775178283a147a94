package dev.starshop.checkout;

import dev.starshop.catalog.Product;
import dev.starshop.money.AcceptedCurrencies;
import dev.starshop.money.Currency;
import dev.starshop.order.InvoiceLinks;
import dev.starshop.order.Order;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.CreateInvoiceLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;

/**
 * Issues invoice links with createInvoiceLink, in Stars or, with a card provider, in fiat.
 *
 * <p>The call goes to Telegram over the network (100 ms and more), so it must never be made while
 * this thread holds a database connection: a connection kept across it takes one of the pool's few
 * connections for the whole call, and a transaction kept open would also keep its row locks (the
 * product's stock row) for as long. {@code OrderService} commits the order first and asks for the
 * link afterwards; each call is counted by whether it held one, so a change that breaks this shows
 * in {@code starshop_invoice_link_calls_total{holding_connection="true"}} and in a warning.
 */
@Singleton
class TelegramInvoiceLinks implements InvoiceLinks, AcceptedCurrencies {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramInvoiceLinks.class);

    private final BotApiClient client;
    private final InvoiceFactory invoices;
    private final PaymentProvider provider;
    private final ConnectionOperations<Connection> connections;
    private final Counter callsFree;
    private final Counter callsHolding;

    TelegramInvoiceLinks(BotApiClient client, InvoiceFactory invoices, PaymentProvider provider,
                         ConnectionOperations<Connection> connections, MeterRegistry meters) {
        this.client = client;
        this.invoices = invoices;
        this.provider = provider;
        this.connections = connections;
        this.callsFree = calls(meters, false);
        this.callsHolding = calls(meters, true);
    }

    private static Counter calls(MeterRegistry meters, boolean holding) {
        return Counter.builder("starshop.invoice.link.calls")
                .description("createInvoiceLink calls, by whether the calling thread held a database connection")
                .tag("holding_connection", Boolean.toString(holding)).register(meters);
    }

    @Override
    public boolean accepts(Currency currency) {
        return currency.isStars() || provider.cardsEnabled();
    }

    @Override
    public String createFor(Order order, List<Product> products) {
        CreateInvoiceLink invoice = invoices.invoiceFor(order, products);
        if (connections.findConnectionStatus().isPresent()) {
            callsHolding.increment();
            LOG.warn("createInvoiceLink for order {} is called while holding a database connection", order.id());
        } else {
            callsFree.increment();
        }
        return client.createInvoiceLink(invoice);
    }
}
