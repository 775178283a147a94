package dev.starshop.order;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders locked ahead for a shared transaction ({@link OrderPayments#lockAhead}) are handed out as a
 * lock of each would have read them: once, and never after the transaction wrote the order.
 */
@MicronautTest(transactional = false)
class OrderReadAheadTest extends OrderTestBase {

    @Inject
    OrderPayments orders;

    @Inject
    OrderRepository repository;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void anOrderWrittenAfterTheReadAheadIsReadAgainAndAnUnknownOneIsNotFound() {
        String sku = fixtures.product(null);
        UUID first = placed(sku);
        UUID second = placed(sku);
        UUID unknown = UUID.randomUUID();

        List<Object> seen = transactions.executeWrite(status -> {
            orders.lockAhead(List.of(second, unknown, first));
            Order cancelled = orders.move(orders.find(first).orElseThrow(), OrderStatus.CANCELLED, "buyer cancelled");
            Order secondAhead = orders.lock(second).orElseThrow();
            Order secondAgain = orders.lock(second).orElseThrow();
            return List.of(orders.lock(first).orElseThrow().status(), cancelled.status(),
                    secondAhead.status(), secondAhead.lines().size(), secondAgain.status(), orders.lock(unknown));
        });

        assertEquals(List.of(OrderStatus.CANCELLED, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT, 1,
                OrderStatus.PENDING_PAYMENT, Optional.empty()), seen,
                "the order moved after the read-ahead is read again; the other is read ahead with its line");
    }

    @Test
    void aMoveOfAnOrderTakenFromTheReadAheadIsSeenByTheNextLock() {
        UUID id = placed(fixtures.product(null));

        List<OrderStatus> seen = transactions.executeWrite(status -> {
            orders.lockAhead(List.of(id));
            Order ahead = orders.lock(id).orElseThrow();
            orders.move(ahead, OrderStatus.CANCELLED, "buyer cancelled");
            return List.of(ahead.status(), orders.lock(id).orElseThrow().status());
        });

        assertEquals(List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED), seen);
    }

    @Test
    void anOrderExpiredAfterTheReadAheadIsReadAgain() {
        UUID expiring = placed(fixtures.product(null));

        OrderStatus seen = transactions.executeWrite(status -> {
            orders.lockAhead(List.of(expiring));
            repository.updateStatus(expiring, OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED, Instant.now());
            return orders.lock(expiring).orElseThrow().status();
        });

        assertEquals(OrderStatus.EXPIRED, seen, "a lock after the expiry wrote the order reads the expired order");
    }

    @Test
    void aLinkSetAfterTheReadAheadIsSeenByTheNextLock() {
        UUID id = placed(fixtures.product(null));
        String link = "https://t.me/$read-ahead-" + id;

        String seen = transactions.executeWrite(status -> {
            clearLink(status.getConnection(), id); // a placed order has its link already
            orders.lockAhead(List.of(id));
            repository.setInvoiceLink(id, link, Instant.now());
            String locked = orders.lock(id).orElseThrow().invoiceLink();
            status.setRollbackOnly();
            return locked;
        });

        assertEquals(link, seen, "the read-ahead copy, without a link, is not handed out after the link was set");
    }

    /** An order is inserted with its lines (a renewal): either write forgets what was read ahead for its id. */
    @Test
    void anOrderInsertedAfterTheReadAheadFoundNoneIsFound() {
        UUID placed = placed(fixtures.product(null));
        Order original = transactions.executeRead(status -> repository.find(placed)).orElseThrow();
        UUID id = UUID.randomUUID();

        Optional<Order> seen = transactions.executeWrite(status -> {
            orders.lockAhead(List.of(id));
            Instant now = Instant.now();
            Order copy = new Order(id, original.buyerId(), OrderStatus.PAID, original.total(), null, now, now,
                    original.lines());
            repository.insert(copy, new IdempotencyKey(null, "read-ahead"));
            repository.insertLines(copy, Optional.empty());
            Optional<Order> locked = orders.lock(id);
            status.setRollbackOnly();
            return locked;
        });

        assertTrue(seen.isPresent(), "the read-ahead's 'not found' is not handed out after the insert");
        assertEquals(List.of(OrderStatus.PAID, 1), List.of(seen.get().status(), seen.get().lines().size()));
    }

    private static void clearLink(Connection connection, UUID id) {
        try (PreparedStatement clear = connection.prepareStatement("UPDATE orders SET invoice_link = NULL WHERE id = ?")) {
            clear.setObject(1, id);
            assertEquals(1, clear.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID placed(String sku) {
        return UUID.fromString((String) fixtures.place(fixtures.newBuyer(), "XTR", Map.of(sku, 1)).json().get("id"));
    }
}
