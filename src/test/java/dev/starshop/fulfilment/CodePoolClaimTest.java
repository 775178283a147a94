package dev.starshop.fulfilment;

import dev.starshop.support.Concurrently;
import dev.starshop.support.Db;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CodePool#claim}: one code per unit, each code to one unit, under contention. */
@MicronautTest(transactional = false)
class CodePoolClaimTest {

    @Inject
    CodePool pool;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DataSource dataSource;

    @Test
    void twentyClaimersOnFiveCodesGetFiveDistinctCodesAndTheRestNone() throws Exception {
        String sku = productWithCodes(5);
        List<UUID> orders = orders(20);
        List<Callable<Optional<ClaimedCode>>> claimers = new ArrayList<>();
        for (UUID order : orders) {
            claimers.add(() -> transactions.executeWrite(status -> {
                Optional<ClaimedCode> claimed = pool.claim(sku, order, 0);
                pause(); // hold the row lock so the others must skip it
                return claimed;
            }));
        }

        List<Optional<ClaimedCode>> results = Concurrently.all(claimers);

        List<String> codes = results.stream().flatMap(Optional::stream).map(ClaimedCode::code).toList();
        assertEquals(5, codes.size(), "claimed");
        assertEquals(5, codes.stream().distinct().count(), "distinct");
        assertEquals(15, results.stream().filter(Optional::isEmpty).count(), "left without a code");
        Db db = new Db(dataSource);
        assertEquals(5, db.count("SELECT count(DISTINCT order_id) FROM product_codes c JOIN products p "
                + "ON p.id = c.product_id WHERE p.sku = ? AND c.order_id IS NOT NULL", sku));
    }

    @Test
    void claimingTheSameUnitAgainFindsItsCodeAndAnotherUnitGetsAnother() {
        String sku = productWithCodes(3);
        UUID order = orders(1).get(0);
        ClaimedCode first = transactions.executeWrite(status -> pool.claim(sku, order, 0)).orElseThrow();
        ClaimedCode again = transactions.executeWrite(status -> pool.claim(sku, order, 0)).orElseThrow();
        ClaimedCode second = transactions.executeWrite(status -> pool.claim(sku, order, 1)).orElseThrow();
        assertEquals(first, again);
        assertTrue(first.id() != second.id());
        assertTrue(!first.toString().contains(first.code()), "toString hides the code");
    }

    @Test
    void aClaimOutsideATransactionIsRefused() {
        String sku = productWithCodes(1);
        UUID order = orders(1).get(0);
        try {
            pool.claim(sku, order, 0);
            throw new AssertionError("claim ran without the caller's transaction");
        } catch (RuntimeException expected) {
            assertTrue(expected.getClass().getName().contains("Transaction"), expected.getClass().getName());
        }
    }

    private String productWithCodes(int count) {
        String sku = "claim-" + UUID.randomUUID().toString().substring(0, 8);
        Db db = new Db(dataSource);
        db.update("INSERT INTO products (sku, title, description, kind, stock_available, delivery_kind) "
                + "VALUES (?, 'Key', 'A key', 'DIGITAL', ?, 'CODES')", sku, count);
        for (int i = 0; i < count; i++) {
            db.update("INSERT INTO product_codes (product_id, code) SELECT id, ? FROM products WHERE sku = ?",
                    "CLAIM-" + i + "-" + sku, sku);
        }
        return sku;
    }

    private List<UUID> orders(int count) {
        Db db = new Db(dataSource);
        db.update("INSERT INTO buyers (telegram_user_id, first_name) VALUES (?, 'Claimer') "
                + "ON CONFLICT DO NOTHING", 777_000_111L);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            db.update("INSERT INTO orders (id, buyer_id, status, currency, total_amount, created_at, expires_at, "
                    + "updated_at) VALUES (?, ?, 'PAID', 'XTR', 40, now(), now() + interval '1 hour', now())",
                    id, 777_000_111L);
            ids.add(id);
        }
        return ids;
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
