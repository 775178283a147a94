package dev.starshop.catalog;

import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Products, their prices and stock in PostgreSQL. Callers own the transaction. */
@Singleton
class ProductRepository {

    private static final String PRODUCT_COLUMNS =
            "p.id, p.sku, p.title, p.description, p.photo_url, p.kind, p.active, p.stock_available, "
                    + "p.delivery_kind, p.delivery_text, p.delivery_protect_content, c.slug AS category, "
                    + "i.sha256 AS image_sha256, i.width AS image_width, i.height AS image_height";
    private static final String FROM = " FROM products p LEFT JOIN categories c ON c.id = p.category_id"
            + " LEFT JOIN product_images i ON i.product_id = p.id";

    private final Sql sql;
    private final CurrencyTable currencies;

    ProductRepository(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    List<Product> findAll(boolean activeOnly) {
        String where = activeOnly ? " WHERE p.active" : "";
        return withPrices(sql.list("SELECT " + PRODUCT_COLUMNS + FROM + where + " ORDER BY p.id",
                Params.none(), ProductRepository::readRow));
    }

    Optional<Product> findBySku(String sku) {
        return withPrices(sql.list("SELECT " + PRODUCT_COLUMNS + FROM + " WHERE p.sku = :sku",
                Params.of("sku", sku), ProductRepository::readRow)).stream().findFirst();
    }

    Optional<Product> findBySkuForUpdate(String sku) {
        return withPrices(sql.list("SELECT " + PRODUCT_COLUMNS + FROM + " WHERE p.sku = :sku FOR UPDATE OF p",
                Params.of("sku", sku), ProductRepository::readRow)).stream().findFirst();
    }

    List<Product> findBySkus(Collection<String> skus) {
        return withPrices(sql.list("SELECT " + PRODUCT_COLUMNS + FROM + " WHERE p.sku = ANY(:skus)",
                Params.of("skus", skus.toArray(String[]::new)), ProductRepository::readRow));
    }

    boolean isEmpty() {
        return sql.one("SELECT NOT EXISTS (SELECT 1 FROM products) AS empty", Params.none(),
                row -> row.getBoolean("empty")).orElse(true);
    }

    /** Inserts the product unless the SKU exists; returns the new id, or empty for a duplicate SKU. */
    Optional<Long> insert(ProductInput input, Delivery delivery, Long categoryId) {
        Optional<Long> id = sql.one("""
                INSERT INTO products (sku, title, description, photo_url, kind, active, stock_available,
                                      delivery_kind, delivery_text, delivery_protect_content, category_id)
                VALUES (:sku, :title, :description, :photoUrl, :kind, :active,
                        CASE WHEN :codes THEN 0 ELSE :stock::integer END,
                        :deliveryKind, :deliveryText, :protectContent, :categoryId::bigint)
                ON CONFLICT (sku) DO NOTHING
                RETURNING id""", details(input, delivery).and("sku", input.sku()).and("categoryId", categoryId),
                row -> row.getLong("id"));
        id.ifPresent(productId -> replacePrices(productId, input.prices()));
        return id;
    }

    /**
     * Replaces everything but the SKU; returns false when no such product exists. A CODES product's
     * stock is its pool's: kept as it is, or, when the product becomes CODES, the unclaimed codes.
     */
    boolean update(String sku, ProductInput input, Delivery delivery, Long categoryId) {
        Optional<Long> id = sql.one("""
                UPDATE products SET title = :title, description = :description, photo_url = :photoUrl,
                       kind = :kind, active = :active,
                       stock_available = CASE
                           WHEN NOT :codes THEN :stock::integer
                           WHEN delivery_kind = 'CODES' THEN stock_available
                           ELSE (SELECT count(*) FROM product_codes c
                                 WHERE c.product_id = products.id AND c.order_id IS NULL)::integer END,
                       delivery_kind = :deliveryKind, delivery_text = :deliveryText,
                       delivery_protect_content = :protectContent, category_id = :categoryId::bigint,
                       updated_at = now()
                WHERE sku = :sku
                RETURNING id""", details(input, delivery).and("sku", sku).and("categoryId", categoryId),
                row -> row.getLong("id"));
        id.ifPresent(productId -> replacePrices(productId, input.prices()));
        return id.isPresent();
    }

    boolean deactivate(String sku) {
        return sql.update("UPDATE products SET active = FALSE, updated_at = now() WHERE sku = :sku",
                Params.of("sku", sku)) == 1;
    }

    /**
     * Takes {@code quantity} units out of the free stock in one statement, so concurrent buyers
     * can never reserve more than there is. Unlimited products always succeed.
     */
    boolean reserve(long productId, int quantity) {
        return sql.update("""
                UPDATE products SET stock_available = stock_available - :quantity
                WHERE id = :id AND (stock_available IS NULL OR stock_available >= :quantity)""",
                Params.of("quantity", quantity).and("id", productId)) == 1;
    }

    /** Adds units to a limited product's free stock (codes added to its pool). */
    void addStock(long productId, int quantity) {
        release(productId, quantity);
    }

    void release(long productId, int quantity) {
        sql.update("UPDATE products SET stock_available = stock_available + :quantity "
                        + "WHERE id = :id AND stock_available IS NOT NULL",
                Params.of("quantity", quantity).and("id", productId));
    }

    private void replacePrices(long productId, List<ProductInput.PriceInput> prices) {
        sql.update("DELETE FROM product_prices WHERE product_id = :productId", Params.of("productId", productId));
        for (ProductInput.PriceInput price : prices) {
            sql.update("INSERT INTO product_prices (product_id, currency, amount) "
                            + "VALUES (:productId, :currency, :amount)",
                    Params.of("productId", productId).and("currency", price.currency()).and("amount", price.amount()));
        }
    }

    private List<Product> withPrices(List<ProductRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Money>> prices = pricesOf(rows.stream().map(ProductRow::id).toList());
        return rows.stream().map(row -> row.toProduct(prices.getOrDefault(row.id(), List.of()))).toList();
    }

    /** Prices per product, Stars first, then fiat currencies alphabetically. */
    private Map<Long, List<Money>> pricesOf(List<Long> productIds) {
        List<PriceRow> rows = sql.list("SELECT product_id, currency, amount FROM product_prices "
                        + "WHERE product_id = ANY(:productIds) ORDER BY product_id, currency <> 'XTR', currency",
                Params.of("productIds", productIds.toArray(Long[]::new)),
                row -> new PriceRow(row.getLong("product_id"), row.getString("currency"), row.getLong("amount")));
        Map<Long, List<Money>> prices = new HashMap<>();
        for (PriceRow price : rows) {
            prices.computeIfAbsent(price.productId(), id -> new ArrayList<>())
                    .add(currencies.money(price.amount(), price.currency()));
        }
        return prices;
    }

    /** Everything a create or replace sets besides the SKU. */
    private static Params details(ProductInput input, Delivery delivery) {
        return Params.of("title", input.title()).and("description", input.description())
                .and("photoUrl", input.photoUrl()).and("kind", input.kind()).and("active", input.isActive())
                .and("stock", input.stock()).and("codes", delivery.kind() == DeliveryKind.CODES)
                .and("deliveryKind", delivery.kind()).and("deliveryText", delivery.text())
                .and("protectContent", delivery.protectsContent());
    }

    private static ProductRow readRow(Row row) throws SQLException {
        return new ProductRow(row.getLong("id"), row.getString("sku"), row.getString("title"),
                row.getString("description"), row.getString("photo_url"), ProductKind.valueOf(row.getString("kind")),
                row.getBoolean("active"), row.getIntOrNull("stock_available"),
                new Delivery(DeliveryKind.valueOf(row.getString("delivery_kind")), row.getString("delivery_text"),
                        row.getBoolean("delivery_protect_content")),
                row.getString("category"), imageOf(row));
    }

    private static ProductImage imageOf(Row row) throws SQLException {
        String sha256 = row.getString("image_sha256");
        return sha256 == null ? null
                : ProductImage.of(sha256, row.getInt("image_width"), row.getInt("image_height"));
    }

    private record PriceRow(long productId, String currency, long amount) {
    }

    private record ProductRow(long id, String sku, String title, String description, String photoUrl,
                              ProductKind kind, boolean active, Integer stock, Delivery delivery,
                              String category, ProductImage image) {
        Product toProduct(List<Money> prices) {
            return new Product(id, sku, title, description, photoUrl, kind, active, stock, prices, delivery,
                    category, image);
        }
    }
}
