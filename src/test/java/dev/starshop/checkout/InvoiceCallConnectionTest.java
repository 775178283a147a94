package dev.starshop.checkout;

import dev.starshop.buyer.Buyer;
import dev.starshop.order.Order;
import dev.starshop.order.OrderService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import static dev.starshop.checkout.CheckoutFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * createInvoiceLink goes over the network, so the order path asks for it with no database connection
 * held: the order is committed first. {@code starshop.invoice.link.calls} counts each call by whether
 * it held one, and a call made inside a transaction is counted as holding.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class InvoiceCallConnectionTest extends ThroughTelegramTestBase {

    @Inject
    MeterRegistry meters;

    @Inject
    TelegramInvoiceLinks invoiceLinks;

    @Inject
    OrderService orders;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void placingAnOrderAsksForItsInvoiceLinkWithoutHoldingAConnection() {
        double free = calls(false);
        double holding = calls(true);
        String sku = shop.product("DIGITAL", 5, 40, 250);

        Map<String, Object> order = shop.order(shop.buyer(ALICE, "en"), "XTR", sku, 1);

        assertNotNull(order.get("invoiceLink"));
        assertEquals(free + 1, calls(false));
        assertEquals(holding, calls(true));
    }

    @Test
    void aCallMadeInsideATransactionIsCountedAsHoldingOne() {
        String sku = shop.product("DIGITAL", 5, 40, 250);
        Map<String, Object> placed = shop.order(shop.buyer(ALICE, "en"), "XTR", sku, 1);
        Order order = orders.find(new Buyer(ALICE, "Alice", null, null, "en", false),
                UUID.fromString((String) placed.get("id")));
        double holding = calls(true);

        String link = transactions.executeWrite(status -> invoiceLinks.createFor(order));

        assertNotNull(link);
        assertEquals(holding + 1, calls(true));
    }

    private double calls(boolean holding) {
        return meters.get("starshop.invoice.link.calls").tag("holding_connection", Boolean.toString(holding))
                .counter().count();
    }
}
