package dev.starshop.catalog;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Controller("/api/catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The products for sale, with every price, and the currencies a cart can be paid in. */
    @Get
    CatalogView catalog() {
        List<ProductView> products = catalog.activeProducts().stream().map(ProductView::of).toList();
        Set<String> currencies = new LinkedHashSet<>();
        products.forEach(product -> product.prices().forEach(price -> currencies.add(price.currency())));
        return new CatalogView(products, List.copyOf(currencies));
    }

    @Serdeable
    record CatalogView(List<ProductView> products, List<String> currencies) {
    }
}
