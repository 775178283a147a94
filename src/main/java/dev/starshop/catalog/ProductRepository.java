package dev.starshop.catalog;

import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
            "id, sku, title, description, photo_url, kind, active, stock_available";

    private final Sql sql;
    private final CurrencyTable currencies;

    ProductRepository(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    List<Product> findAll(boolean activeOnly) {
        String where = activeOnly ? " WHERE active" : "";
        return withPrices(sql.list("SELECT " + PRODUCT_COLUMNS + " FROM products" + where + " ORDER BY id",
                Sql.Binder.NONE, ProductRepository::readRow));
    }

    Optional<Product> findBySku(String sku) {
        return withPrices(sql.list("SELECT " + PRODUCT_COLUMNS + " FROM products WHERE sku = ?",
                statement -> statement.setString(1, sku), ProductRepository::readRow)).stream().findFirst();
    }

    List<Product> findBySkus(Collection<String> skus) {
        return withPrices(sql.list("SELECT " + PRODUCT_COLUMNS + " FROM products WHERE sku = ANY(?)",
                statement -> statement.setArray(1, textArray(statement.getConnection(), skus)),
                ProductRepository::readRow));
    }

    boolean isEmpty() {
        return sql.one("SELECT NOT EXISTS (SELECT 1 FROM products)", Sql.Binder.NONE, row -> row.getBoolean(1))
                .orElse(true);
    }

    /** Inserts the product unless the SKU exists; returns the new id, or empty for a duplicate SKU. */
    Optional<Long> insert(ProductInput input) {
        Optional<Long> id = sql.one("""
                INSERT INTO products (sku, title, description, photo_url, kind, active, stock_available)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sku) DO NOTHING
                RETURNING id""", statement -> {
                    statement.setString(1, input.sku());
                    bindDetails(statement, input, 2);
                }, row -> row.getLong(1));
        id.ifPresent(productId -> replacePrices(productId, input.prices()));
        return id;
    }

    /** Replaces everything but the SKU; returns false when no such product exists. */
    boolean update(String sku, ProductInput input) {
        Optional<Long> id = sql.one("""
                UPDATE products SET title = ?, description = ?, photo_url = ?, kind = ?, active = ?,
                       stock_available = ?, updated_at = now()
                WHERE sku = ?
                RETURNING id""", statement -> {
                    bindDetails(statement, input, 1);
                    statement.setString(7, sku);
                }, row -> row.getLong(1));
        id.ifPresent(productId -> replacePrices(productId, input.prices()));
        return id.isPresent();
    }

    boolean deactivate(String sku) {
        return sql.update("UPDATE products SET active = FALSE, updated_at = now() WHERE sku = ?",
                statement -> statement.setString(1, sku)) == 1;
    }

    /**
     * Takes {@code quantity} units out of the free stock in one statement, so concurrent buyers
     * can never reserve more than there is. Unlimited products always succeed.
     */
    boolean reserve(long productId, int quantity) {
        return sql.update("""
                UPDATE products SET stock_available = stock_available - ?
                WHERE id = ? AND (stock_available IS NULL OR stock_available >= ?)""", statement -> {
                    statement.setInt(1, quantity);
                    statement.setLong(2, productId);
                    statement.setInt(3, quantity);
                }) == 1;
    }

    void release(long productId, int quantity) {
        sql.update("UPDATE products SET stock_available = stock_available + ? "
                        + "WHERE id = ? AND stock_available IS NOT NULL", statement -> {
                    statement.setInt(1, quantity);
                    statement.setLong(2, productId);
                });
    }

    private void replacePrices(long productId, List<ProductInput.PriceInput> prices) {
        sql.update("DELETE FROM product_prices WHERE product_id = ?", statement -> statement.setLong(1, productId));
        for (ProductInput.PriceInput price : prices) {
            sql.update("INSERT INTO product_prices (product_id, currency, amount) VALUES (?, ?, ?)", statement -> {
                statement.setLong(1, productId);
                statement.setString(2, price.currency());
                statement.setLong(3, price.amount());
            });
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
                        + "WHERE product_id = ANY(?) ORDER BY product_id, currency <> 'XTR', currency",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint",
                        productIds.toArray())),
                row -> new PriceRow(row.getLong(1), row.getString(2), row.getLong(3)));
        Map<Long, List<Money>> prices = new HashMap<>();
        for (PriceRow price : rows) {
            prices.computeIfAbsent(price.productId(), id -> new ArrayList<>())
                    .add(currencies.money(price.amount(), price.currency()));
        }
        return prices;
    }

    private static void bindDetails(java.sql.PreparedStatement statement, ProductInput input, int first)
            throws SQLException {
        statement.setString(first, input.title());
        statement.setString(first + 1, input.description());
        statement.setString(first + 2, input.photoUrl());
        statement.setString(first + 3, input.kind().name());
        statement.setBoolean(first + 4, input.isActive());
        if (input.stock() == null) {
            statement.setNull(first + 5, Types.INTEGER);
        } else {
            statement.setInt(first + 5, input.stock());
        }
    }

    private static Array textArray(java.sql.Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static ProductRow readRow(ResultSet row) throws SQLException {
        return new ProductRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), ProductKind.valueOf(row.getString(6)), row.getBoolean(7),
                row.getObject(8, Integer.class));
    }

    private record PriceRow(long productId, String currency, long amount) {
    }

    private record ProductRow(long id, String sku, String title, String description, String photoUrl,
                              ProductKind kind, boolean active, Integer stock) {
        Product toProduct(List<Money> prices) {
            return new Product(id, sku, title, description, photoUrl, kind, active, stock, prices);
        }
    }
}
