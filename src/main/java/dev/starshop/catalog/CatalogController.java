package dev.starshop.catalog;

import dev.starshop.platform.web.PublicRoute;
import dev.starshop.money.AcceptedCurrencies;
import dev.starshop.money.Money;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Controller("/api/catalog")
@PublicRoute
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    private final CatalogService catalog;
    private final AcceptedCurrencies accepted;

    CatalogController(CatalogService catalog, AcceptedCurrencies accepted) {
        this.catalog = catalog;
        this.accepted = accepted;
    }

    /**
     * The products for sale, with every price, and the currencies a cart can be paid in: those
     * priced and accepted (fiat only with a card provider).
     */
    @Get
    CatalogView catalog() {
        List<Product> forSale = catalog.activeProducts();
        Set<String> currencies = new LinkedHashSet<>();
        forSale.forEach(product -> product.prices().stream().map(Money::currency).filter(accepted::accepts)
                .forEach(currency -> currencies.add(currency.code())));
        return new CatalogView(forSale.stream().map(ProductView::of).toList(), List.copyOf(currencies));
    }

    @Serdeable
    record CatalogView(List<ProductView> products, List<String> currencies) {
    }
}
