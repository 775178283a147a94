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
    List<AdminProductView> list() {
        return catalog.allProducts().stream().map(AdminProductView::of).toList();
    }

    @Get("/{sku}")
    AdminProductView get(String sku) {
        return AdminProductView.of(catalog.product(sku));
    }

    @Post
    HttpResponse<AdminProductView> create(@Valid @Body ProductInput input) {
        return HttpResponse.created(AdminProductView.of(catalog.create(input)));
    }

    @Put("/{sku}")
    AdminProductView update(String sku, @Valid @Body ProductInput input) {
        return AdminProductView.of(catalog.update(sku, input));
    }

    /** Takes the product off sale; existing orders keep it. */
    @Delete("/{sku}")
    @Status(HttpStatus.NO_CONTENT)
    void deactivate(String sku) {
        catalog.deactivate(sku);
    }
}
