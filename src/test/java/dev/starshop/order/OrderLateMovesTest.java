package dev.starshop.order;

import dev.starshop.money.Money;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.SharedTable;
import dev.starshop.platform.db.Sql;
import dev.starshop.platform.db.WriteBehind;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A payment's move to PAID in a shared (group) commit waits for the commit's end
 * ({@link OrderRepository#moveLate}), and nothing in the transaction sees the order as it was: a
 * lock of the order, a note on its timeline, a listing of the buyer's orders and a reader in another
 * package ({@link WriteBehind#beforeReading}) each write what waits first. A waiting move that finds its
 * order in another state at the end throws, so the shared transaction rolls back.
 */
@MicronautTest(transactional = false)
class OrderLateMovesTest extends OrderTestBase {

    @Inject
    OrderPayments orders;

    @Inject
    OrderRepository repository;

    @Inject
    WriteBehind writeBehind;

    @Inject
    Sql sql;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void paidMovesWaitForTheEndAndALockOfOneOfTheirOrdersWritesThemFirst() {
        String sku = fixtures.product(null);
        UUID paid = placed(sku);
        UUID other = placed(sku);
        UUID unrelated = placed(sku);

        List<String> seen = transactions.executeWrite(status -> {
            writeBehind.gather();
            orders.lockAhead(List.of(paid, other));
            pay(orders.lock(paid).orElseThrow());
            pay(orders.lock(other).orElseThrow());
            String waiting = statusInDatabase(paid);
            orders.lock(unrelated).orElseThrow();
            String afterUnrelatedLock = statusInDatabase(paid);
            String locked = orders.lock(paid).orElseThrow().status().name();
            String otherWrittenWithIt = statusInDatabase(other);
            writeBehind.flush();
            return List.of(waiting, afterUnrelatedLock, locked, otherWrittenWithIt);
        });

        assertEquals(List.of("PENDING_PAYMENT", "PENDING_PAYMENT", "PAID", "PAID"), seen,
                "the moves wait through a lock of an order without one; a lock of a moved order writes them all");
        assertEquals(List.of("PAID"), kinds(paid));
        assertEquals(List.of("PAID"), kinds(other));
    }

    @Test
    void aNoteOnAnOrderWhoseMoveWaitsLandsAfterTheMoveOnItsTimeline() {
        UUID id = placed(fixtures.product(null));

        transactions.executeWrite(status -> {
            writeBehind.gather();
            orders.lockAhead(List.of(id));
            pay(orders.lock(id).orElseThrow());
            orders.note(id, "NOTE", "after the payment");
            writeBehind.flush();
            return null;
        });

        assertEquals(List.of("PAID", "NOTE"), kinds(id));
    }

    @Test
    void theBuyersOrdersListedInTheTransactionShowThePaidState() {
        UUID id = placed(fixtures.product(null));
        long buyer = transactions.executeRead(status -> repository.find(id)).orElseThrow().buyerId();

        OrderStatus listed = transactions.executeWrite(status -> {
            writeBehind.gather();
            orders.lockAhead(List.of(id));
            pay(orders.lock(id).orElseThrow());
            OrderStatus shown = repository.findByBuyer(buyer, 5).get(0).status();
            writeBehind.flush();
            return shown;
        });

        assertEquals(OrderStatus.PAID, listed);
    }

    @Test
    void aReaderInAnotherPackageAsksForTheSharedTableAndSeesTheMove() {
        UUID id = placed(fixtures.product(null));

        String read = transactions.executeWrite(status -> {
            writeBehind.gather();
            orders.lockAhead(List.of(id));
            pay(orders.lock(id).orElseThrow());
            writeBehind.beforeReading(SharedTable.ORDERS);
            String seen = statusInDatabase(id);
            writeBehind.flush();
            return seen;
        });

        assertEquals("PAID", read);
    }

    @Test
    void aWaitingMoveWhoseOrderChangedStateUnderItThrowsAtTheEndAndNothingCommits() {
        UUID id = placed(fixtures.product(null));

        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            writeBehind.gather();
            orders.lockAhead(List.of(id));
            pay(orders.lock(id).orElseThrow());
            // A writer that does not go through OrderRepository (there is none in the engine) changes the order.
            sql.update("UPDATE orders SET status = 'CANCELLED' WHERE id = :id", Params.of("id", id));
            writeBehind.flush();
            return null;
        }));

        assertEquals("PENDING_PAYMENT", transactions.executeRead(status -> statusInDatabase(id)));
        assertEquals(List.of(), kinds(id));
    }

    @Test
    void outsideASharedCommitThePaidMoveIsWrittenAtOnce() {
        UUID id = placed(fixtures.product(null));

        String seen = transactions.executeWrite(status -> {
            pay(orders.lock(id).orElseThrow());
            return statusInDatabase(id);
        });

        assertEquals("PAID", seen);
    }

    private void pay(Order order) {
        orders.paid(order, new Charge(order.total(), Money.zero(order.total().currency()),
                Money.zero(order.total().currency())), "paid in a test");
    }

    /** The order's status as the database has it now, in the caller's transaction if there is one. */
    private String statusInDatabase(UUID id) {
        return sql.one("SELECT status FROM orders WHERE id = :id", Params.of("id", id), row -> row.getString("status"))
                .orElseThrow();
    }

    /** The order's timeline after placement: its PAID move and this test's notes, in order. */
    private List<String> kinds(UUID id) {
        return transactions.executeRead(status -> repository.events(id)).stream().map(OrderEvent::kind)
                .filter(kind -> kind.equals("PAID") || kind.equals("NOTE")).toList();
    }

    private UUID placed(String sku) {
        return UUID.fromString((String) fixtures.place(fixtures.newBuyer(), "XTR", Map.of(sku, 1)).json().get("id"));
    }
}
