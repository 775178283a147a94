package dev.starshop.fulfilment;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.Optional;

/** Product files in PostgreSQL ({@code product_files}, bytea): one per product. */
@Singleton
class ProductFiles {

    private static final String COLUMNS = "p.sku, f.file_name, f.content_type, f.size_bytes, f.sha256, "
            + "f.telegram_file_id, f.uploaded_at";

    private final Sql sql;

    ProductFiles(Sql sql) {
        this.sql = sql;
    }

    /** Stores the file, replacing the product's previous one (and its Telegram file_id). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void store(long productId, String fileName, FileType type, String sha256, byte[] content) {
        sql.update("""
                INSERT INTO product_files (product_id, file_name, content_type, size_bytes, sha256, content)
                VALUES (:productId, :fileName, :contentType, :size, :sha256, :content)
                ON CONFLICT (product_id) DO UPDATE SET file_name = EXCLUDED.file_name,
                    content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes,
                    sha256 = EXCLUDED.sha256, content = EXCLUDED.content, telegram_file_id = NULL,
                    uploaded_at = now()""",
                Params.of("productId", productId).and("fileName", fileName).and("contentType", type.contentType())
                        .and("size", (long) content.length).and("sha256", sha256).and("content", content));
    }

    @Transactional(readOnly = true)
    Optional<ProductFile> find(String sku) {
        return sql.one("SELECT " + COLUMNS + " FROM product_files f JOIN products p ON p.id = f.product_id "
                + "WHERE p.sku = :sku", Params.of("sku", sku), ProductFiles::read);
    }

    @Transactional(readOnly = true)
    Optional<byte[]> content(String sku) {
        return sql.one("SELECT f.content FROM product_files f JOIN products p ON p.id = f.product_id "
                + "WHERE p.sku = :sku", Params.of("sku", sku), row -> row.getBytes("content"));
    }

    private static ProductFile read(Row row) throws SQLException {
        return new ProductFile(row.getString("sku"), row.getString("file_name"), row.getString("content_type"),
                row.getLong("size_bytes"), row.getString("sha256"), row.getString("telegram_file_id"),
                row.getInstant("uploaded_at"));
    }
}
