package dev.starshop.fulfilment;

import dev.starshop.catalog.ProductKind;
import dev.starshop.catalog.DeliveryText;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A buyer's paid orders with what each delivered (docs/fulfilment.md, "Purchases"). Reads only the
 * given buyer's rows: the buyer comes from verified initData, or from the admin's path. Codes appear
 * here for their own buyer (and in the admin order view), nowhere else.
 */
@Singleton
class Purchases {

    static final String ORDERS = """
            SELECT o.id, o.status, o.created_at FROM orders o
            WHERE o.buyer_id = :buyerId AND o.status IN ('PAID', 'FULFILLED', 'REFUNDED', 'NEEDS_REVIEW')
            ORDER BY o.created_at DESC, o.id LIMIT 200""";
    static final String LINES = """
            SELECT l.order_id, l.line_no, l.sku, l.title, l.kind, l.quantity FROM order_lines l
            WHERE l.order_id = ANY(:orderIds) ORDER BY l.order_id, l.line_no""";
    static final String DELIVERIES = """
            SELECT d.id, d.order_id, d.line_no, d.kind, d.status, d.sent_at, c.code, c.revoked_at,
                   p.delivery_text, f.file_name, b.first_name, l.title, l.quantity
            FROM deliveries d
            JOIN order_lines l ON l.order_id = d.order_id AND l.line_no = d.line_no
            JOIN products p ON p.id = d.product_id
            JOIN orders o ON o.id = d.order_id
            JOIN buyers b ON b.telegram_user_id = o.buyer_id
            LEFT JOIN product_codes c ON c.id = d.code_id
            LEFT JOIN product_files f ON f.product_id = d.product_id
            WHERE d.order_id = ANY(:orderIds) ORDER BY d.line_unit""";

    private final Sql sql;
    private final DownloadLinks links;
    private final Shipments shipments;

    Purchases(Sql sql, DownloadLinks links, Shipments shipments) {
        this.sql = sql;
        this.links = links;
        this.shipments = shipments;
    }

    @Transactional(readOnly = true)
    PurchaseViews.PurchaseList of(long buyerId) {
        List<Header> orders = sql.list(ORDERS, Params.of("buyerId", buyerId),
                row -> new Header(row.getUuid("id"), row.getString("status"), row.getInstant("created_at")));
        UUID[] ids = orders.stream().map(Header::id).toArray(UUID[]::new);
        Map<UUID, List<PurchaseViews.Item>> items = new LinkedHashMap<>();
        Map<String, List<PurchaseViews.DeliveryView>> byLine = new LinkedHashMap<>();
        sql.list(DELIVERIES, Params.of("orderIds", ids), row -> delivery(row, buyerId))
                .forEach(d -> byLine.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d.view()));
        Map<UUID, ShipmentStatus> shipping = shipments.latest(List.of(ids));
        sql.list(LINES, Params.of("orderIds", ids), row -> {
            UUID orderId = row.getUuid("order_id");
            String key = orderId + "#" + row.getInt("line_no");
            String kind = row.getString("kind");
            List<PurchaseViews.DeliveryView> deliveries = ProductKind.PHYSICAL.name().equals(kind)
                    ? List.of(PurchaseViews.DeliveryView.shipment(shipping.get(orderId)))
                    : byLine.getOrDefault(key, List.of());
            return Map.entry(orderId, new PurchaseViews.Item(row.getString("sku"), row.getString("title"),
                    kind, row.getInt("quantity"), deliveries));
        }).forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return new PurchaseViews.PurchaseList(orders.stream().map(o -> new PurchaseViews.Purchase(o.id(), o.status(),
                o.createdAt(), items.getOrDefault(o.id(), List.of()))).toList());
    }

    private Keyed delivery(Row row, long buyerId) throws SQLException {
        UUID orderId = row.getUuid("order_id");
        String status = row.getString("status");
        boolean usable = "SENT".equals(status);
        String kind = row.getString("kind");
        PurchaseViews.DeliveryView view = switch (kind) {
            case "CODES" -> PurchaseViews.DeliveryView.code(status,
                    usable && row.isNull("revoked_at") ? row.getString("code") : null, row.getInstant("sent_at"));
            case "TEXT" -> PurchaseViews.DeliveryView.text(status, usable ? text(row) : null, row.getInstant("sent_at"));
            default -> {
                DownloadLinks.Link link = usable && !row.isNull("file_name")
                        ? links.create(buyerId, orderId, row.getLong("id")) : null;
                yield PurchaseViews.DeliveryView.file(status, row.getString("file_name"), link,
                        row.getInstant("sent_at"));
            }
        };
        return new Keyed(orderId + "#" + row.getInt("line_no"), view);
    }

    private static String text(Row row) throws SQLException {
        String template = row.getString("delivery_text");
        if (template == null) {
            return null;
        }
        Map<String, String> values = Map.of("orderId", row.getUuid("order_id").toString(),
                "buyerName", row.getString("first_name") == null ? "" : row.getString("first_name"),
                "productTitle", row.getString("title"), "quantity", Integer.toString(row.getInt("quantity")));
        try {
            return DeliveryText.parse(template, false).render(values);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private record Header(UUID id, String status, java.time.Instant createdAt) {
    }

    private record Keyed(String key, PurchaseViews.DeliveryView view) {
    }
}
