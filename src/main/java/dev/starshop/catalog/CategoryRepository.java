package dev.starshop.catalog;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Categories in PostgreSQL. Callers own the transaction. */
@Singleton
class CategoryRepository {

    private final Sql sql;

    CategoryRepository(Sql sql) {
        this.sql = sql;
    }

    List<Category> findAll() {
        return sql.list("SELECT slug, title, position FROM categories ORDER BY position, title, slug",
                Params.none(), CategoryRepository::read);
    }

    Optional<Long> idOf(String slug) {
        return sql.one("SELECT id FROM categories WHERE slug = :slug", Params.of("slug", slug),
                row -> row.getLong("id"));
    }

    boolean insert(CategoryInput input) {
        return sql.update("INSERT INTO categories (slug, title, position) VALUES (:slug, :title, :position) "
                + "ON CONFLICT (slug) DO NOTHING", params(input)) == 1;
    }

    boolean update(String slug, CategoryInput input) {
        return sql.update("UPDATE categories SET title = :title, position = :position WHERE slug = :slug",
                params(input).and("slug", slug)) == 1;
    }

    /** Deletes the category; its products stay, without a category. */
    boolean delete(String slug) {
        sql.update("UPDATE products SET category_id = NULL, updated_at = now() "
                + "WHERE category_id = (SELECT id FROM categories WHERE slug = :slug)", Params.of("slug", slug));
        return sql.update("DELETE FROM categories WHERE slug = :slug", Params.of("slug", slug)) == 1;
    }

    private static Params params(CategoryInput input) {
        return Params.of("slug", input.slug()).and("title", input.title()).and("position", input.positionOrZero());
    }

    private static Category read(Row row) throws SQLException {
        return new Category(row.getString("slug"), row.getString("title"), row.getInt("position"));
    }
}
