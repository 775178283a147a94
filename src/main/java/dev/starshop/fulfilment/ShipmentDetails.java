package dev.starshop.fulfilment;

import dev.starshop.fulfilment.ShipmentView.PackingLine;
import dev.starshop.fulfilment.ShipmentView.ShipTo;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads one order for the packer: its lines, the address from the order's payment (Telegram's
 * {@code order_info}, kept by checkout in {@code payments}) and its shipment steps.
 */
@Singleton
class ShipmentDetails {

    static final String ORDER = "SELECT status FROM orders WHERE id = :id";
    static final String LINES = """
            SELECT sku, title, kind, quantity FROM order_lines WHERE order_id = :id
            ORDER BY kind = 'PHYSICAL' DESC, line_no""";
    /** The address of the order's latest payment that carried one. */
    static final String SHIP_TO = """
            SELECT order_info->>'name' AS name, order_info->>'phone_number' AS phone_number,
                   a->>'country_code' AS country_code, a->>'state' AS state, a->>'city' AS city,
                   a->>'street_line1' AS street_line1, a->>'street_line2' AS street_line2,
                   a->>'post_code' AS post_code
            FROM payments, LATERAL (SELECT order_info->'shipping_address' AS a) address
            WHERE order_id = :id AND kind = 'PAYMENT' AND order_info ?? 'shipping_address'
            ORDER BY occurred_at DESC, id DESC LIMIT 1""";

    private final Sql sql;
    private final Shipments shipments;
    private final TransactionOperations<Connection> transactions;

    ShipmentDetails(Sql sql, Shipments shipments, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.shipments = shipments;
        this.transactions = transactions;
    }

    ShipmentView find(UUID id) {
        return transactions.executeRead(status -> sql.one(ORDER, Params.of("id", id), row -> row.getString("status"))
                        .map(orderStatus -> view(id, orderStatus)))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No order " + id));
    }

    private ShipmentView view(UUID id, String orderStatus) {
        List<PackingLine> lines = sql.list(LINES, Params.of("id", id), row -> new PackingLine(row.getString("sku"),
                row.getString("title"), row.getString("kind"), row.getInt("quantity")));
        boolean physical = lines.stream().anyMatch(line -> "PHYSICAL".equals(line.kind()));
        List<ShipmentStatus> steps = shipments.steps(id);
        ShipmentStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1).step();
        Optional<ShipmentStep> next = physical && "PAID".equals(orderStatus) ? ShipmentStep.after(last)
                : Optional.empty();
        return new ShipmentView(id, orderStatus, physical, shipTo(id), lines, steps, next.orElse(null));
    }

    private ShipTo shipTo(UUID id) {
        return sql.one(SHIP_TO, Params.of("id", id), row -> new ShipTo(row.getString("name"),
                row.getString("phone_number"), row.getString("country_code"), row.getString("state"),
                row.getString("city"), row.getString("street_line1"), row.getString("street_line2"),
                row.getString("post_code"))).orElse(null);
    }
}
