package dev.starshop.catalog;

import dev.starshop.platform.web.PublicRoute;
import dev.starshop.money.AcceptedCurrencies;
import dev.starshop.money.Money;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Controller("/api/catalog")
@PublicRoute
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    private final CatalogService catalog;
    private final Categories categories;
    private final AcceptedCurrencies accepted;

    CatalogController(CatalogService catalog, Categories categories, AcceptedCurrencies accepted) {
        this.catalog = catalog;
        this.categories = categories;
        this.accepted = accepted;
    }

    /**
     * The products for sale, with every price, and the currencies a cart can be paid in: those
     * priced and accepted (fiat only with a card provider), and the categories that hold a product
     * for sale, in their order.
     */
    @Get
    CatalogView catalog() {
        List<Product> forSale = catalog.activeProducts();
        Set<String> currencies = new LinkedHashSet<>();
        forSale.forEach(product -> product.prices().stream().map(Money::currency).filter(accepted::accepts)
                .forEach(currency -> currencies.add(currency.code())));
        Set<String> used = new HashSet<>();
        forSale.forEach(product -> used.add(product.category()));
        List<Category> shelves = categories.all().stream().filter(c -> used.contains(c.slug())).toList();
        return new CatalogView(forSale.stream().map(ProductView::of).toList(), List.copyOf(currencies), shelves);
    }

    @Serdeable
    record CatalogView(List<ProductView> products, List<String> currencies, List<Category> categories) {
    }
}
