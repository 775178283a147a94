package dev.starshop.fulfilment;

import dev.starshop.catalog.CatalogService;
import dev.starshop.catalog.DeliveryKind;
import dev.starshop.catalog.Product;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Adds uploaded codes to a CODES product's pool and its stock in one transaction: either every new
 * code is in and counted, or nothing is written.
 */
@Singleton
class CodeUploads {

    private final CatalogService catalog;
    private final CodePool pool;

    CodeUploads(CatalogService catalog, CodePool pool) {
        this.catalog = catalog;
        this.pool = pool;
    }

    @Transactional
    CodeUploadResult upload(String sku, byte[] body, boolean csv) {
        Product product = catalog.lockedProduct(sku);
        requireCodes(product);
        List<String> codes = CodeUpload.read(body, csv);
        int added = pool.add(product.id(), codes);
        if (added > 0) {
            catalog.addStock(product.id(), added);
        }
        return new CodeUploadResult(added, codes.size() - added, catalog.lockedProduct(sku).stockAvailable());
    }

    @Transactional(readOnly = true)
    CodePoolSummary summary(String sku) {
        Product product = catalog.product(sku);
        requireCodes(product);
        return pool.summary(sku, product.id(), product.isUnlimited() ? 0 : product.stockAvailable());
    }

    private static void requireCodes(Product product) {
        if (product.delivery().kind() != DeliveryKind.CODES) {
            throw new ProblemException(ProblemCode.DELIVERY_KIND_MISMATCH, "Product '" + product.sku()
                    + "' is delivered as " + product.delivery().kind() + ", not CODES: set its delivery first");
        }
    }
}
