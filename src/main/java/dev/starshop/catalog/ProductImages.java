package dev.starshop.catalog;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Product pictures and their renditions in PostgreSQL (bytea). Callers own the transaction. */
@Singleton
class ProductImages {

    private final Sql sql;

    ProductImages(Sql sql) {
        this.sql = sql;
    }

    /** A stored rendition's type and bytes. */
    record StoredRendition(String contentType, byte[] content) {
    }

    /** Makes the picture the product's, replacing the one it had; renditions are shared by hash. */
    void store(long productId, String sha256, PictureProcessor.Processed picture) {
        for (PictureProcessor.Rendition rendition : picture.renditions()) {
            sql.update("""
                    INSERT INTO image_renditions (sha256, size, content_type, width, height, content)
                    VALUES (:sha256, :size, :contentType, :width, :height, :content)
                    ON CONFLICT (sha256, size) DO NOTHING""",
                    Params.of("sha256", sha256).and("size", rendition.size())
                            .and("contentType", rendition.contentType()).and("width", rendition.width())
                            .and("height", rendition.height()).and("content", rendition.content()));
        }
        sql.update("""
                INSERT INTO product_images (product_id, sha256, width, height)
                VALUES (:productId, :sha256, :width, :height)
                ON CONFLICT (product_id) DO UPDATE SET sha256 = EXCLUDED.sha256, width = EXCLUDED.width,
                    height = EXCLUDED.height, uploaded_at = now()""",
                Params.of("productId", productId).and("sha256", sha256).and("width", picture.width())
                        .and("height", picture.height()));
        dropUnused();
    }

    boolean remove(long productId) {
        boolean removed = sql.update("DELETE FROM product_images WHERE product_id = :productId",
                Params.of("productId", productId)) == 1;
        dropUnused();
        return removed;
    }

    Optional<StoredRendition> rendition(String sha256, int size) {
        return sql.one("SELECT content_type, content FROM image_renditions WHERE sha256 = :sha256 AND size = :size",
                Params.of("sha256", sha256).and("size", size),
                row -> new StoredRendition(row.getString("content_type"), row.getBytes("content")));
    }

    /** Renditions no product shows any more (a replaced picture); browsers may still hold copies. */
    private void dropUnused() {
        sql.update("DELETE FROM image_renditions r WHERE NOT EXISTS "
                + "(SELECT 1 FROM product_images i WHERE i.sha256 = r.sha256)", Params.none());
    }
}
