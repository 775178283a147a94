package dev.starshop.catalog;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

/** The catalog: what is for sale, at which prices, and how much of it is left. */
@Singleton
public class CatalogService {

    private final ProductRepository products;
    private final PriceRules priceRules;
    private final Categories categories;

    CatalogService(ProductRepository products, PriceRules priceRules, Categories categories) {
        this.products = products;
        this.priceRules = priceRules;
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public List<Product> activeProducts() {
        return products.findAll(true);
    }

    @Transactional(readOnly = true)
    public List<Product> allProducts() {
        return products.findAll(false);
    }

    @Transactional(readOnly = true)
    public Product product(String sku) {
        return products.findBySku(sku).orElseThrow(() -> notFound(sku));
    }

    /** The products with these SKUs that exist (active or not); the caller decides what is missing. */
    @Transactional(readOnly = true)
    public List<Product> productsBySku(Collection<String> skus) {
        return products.findBySkus(skus);
    }

    @Transactional
    public Product create(ProductInput input) {
        priceRules.check(input);
        products.insert(input, DeliveryRules.check(input), categoryId(input)).orElseThrow(() -> new ProblemException(ProblemCode.DUPLICATE_SKU,
                "A product with SKU '" + input.sku() + "' already exists"));
        return product(input.sku());
    }

    @Transactional
    public Product update(String sku, ProductInput input) {
        if (!sku.equals(input.sku())) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "The SKU in the body ('" + input.sku() + "') must match the path ('" + sku + "')");
        }
        priceRules.check(input);
        if (!products.update(sku, input, DeliveryRules.check(input), categoryId(input))) {
            throw notFound(sku);
        }
        return product(sku);
    }

    /** Products are never deleted: orders keep pointing at them. They stop being for sale. */
    @Transactional
    public void deactivate(String sku) {
        if (!products.deactivate(sku)) {
            throw notFound(sku);
        }
    }

    /** Reserves stock inside the caller's transaction; false when not enough is left. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean reserve(long productId, int quantity) {
        return products.reserve(productId, quantity);
    }

    /** Adds free units inside the caller's transaction (codes added to a CODES product's pool). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addStock(long productId, int quantity) {
        products.addStock(productId, quantity);
    }

    /** The product, its row locked until the caller's transaction ends (uploads to its pool queue here). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Product lockedProduct(String sku) {
        return products.findBySkuForUpdate(sku).orElseThrow(() -> notFound(sku));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void release(long productId, int quantity) {
        products.release(productId, quantity);
    }

    private Long categoryId(ProductInput input) {
        return input.category() == null ? null : categories.idOfNamed(input.category());
    }

    @Transactional(readOnly = true)
    boolean isEmpty() {
        return products.isEmpty();
    }

    private static ProblemException notFound(String sku) {
        return new ProblemException(ProblemCode.NOT_FOUND, "No product with SKU '" + sku + "'");
    }
}
