package dev.starshop.catalog;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shop's categories: listed for the Mini App, managed in the console. */
@Singleton
public class Categories {

    private final CategoryRepository categories;

    Categories(CategoryRepository categories) {
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public List<Category> all() {
        return categories.findAll();
    }

    @Transactional
    Category create(CategoryInput input) {
        if (!categories.insert(input)) {
            throw new ProblemException(ProblemCode.DUPLICATE_CATEGORY,
                    "A category with slug '" + input.slug() + "' already exists");
        }
        return find(input.slug());
    }

    @Transactional
    Category update(String slug, CategoryInput input) {
        if (!slug.equals(input.slug())) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "The slug in the body ('" + input.slug() + "') must match the path ('" + slug + "')");
        }
        if (!categories.update(slug, input)) {
            throw notFound(slug);
        }
        return find(slug);
    }

    @Transactional
    void delete(String slug) {
        if (!categories.delete(slug)) {
            throw notFound(slug);
        }
    }

    /**
     * The ids of the categories named by {@code slugs} (for a promo code's scope), in any order; a
     * 422 {@code unknown-category} naming every slug that does not exist.
     */
    @Transactional(readOnly = true)
    public List<Long> idsOf(Collection<String> slugs) {
        Map<String, Long> ids = new HashMap<>();
        Set.copyOf(slugs).forEach(slug -> categories.idOf(slug).ifPresent(id -> ids.put(slug, id)));
        List<String> unknown = slugs.stream().filter(slug -> !ids.containsKey(slug)).distinct().sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemCode.UNKNOWN_CATEGORY, "No category with slug '"
                    + String.join("', '", unknown) + "': create it first");
        }
        return List.copyOf(ids.values());
    }

    /** The id of a category a product names; 422 when there is no such category. */
    Long idOfNamed(String slug) {
        return categories.idOf(slug).orElseThrow(() -> new ProblemException(ProblemCode.UNKNOWN_CATEGORY,
                "No category with slug '" + slug + "': create it first"));
    }

    private Category find(String slug) {
        return categories.findAll().stream().filter(c -> c.slug().equals(slug)).findFirst()
                .orElseThrow(() -> notFound(slug));
    }

    private static ProblemException notFound(String slug) {
        return new ProblemException(ProblemCode.NOT_FOUND, "No category '" + slug + "'");
    }
}
