package dev.starshop.catalog;

import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.util.List;

/** Product administration; the admin filter guards everything under /api/admin. */
@Controller("/api/admin/products")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductAdminController {

    private final CatalogService catalog;

    ProductAdminController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Get
    List<ProductView> list() {
        return catalog.allProducts().stream().map(ProductView::of).toList();
    }

    @Get("/{sku}")
    ProductView get(String sku) {
        return ProductView.of(catalog.product(sku));
    }

    @Post
    HttpResponse<ProductView> create(@Valid @Body ProductInput input) {
        return HttpResponse.created(ProductView.of(catalog.create(input)));
    }

    @Put("/{sku}")
    ProductView update(String sku, @Valid @Body ProductInput input) {
        return ProductView.of(catalog.update(sku, input));
    }

    /** Takes the product off sale; existing orders keep it. */
    @Delete("/{sku}")
    @Status(HttpStatus.NO_CONTENT)
    void deactivate(String sku) {
        catalog.deactivate(sku);
    }
}
